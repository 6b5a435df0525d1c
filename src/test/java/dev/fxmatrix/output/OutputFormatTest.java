package dev.fxmatrix.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
  @Test
  void cliNamesAreLowerCase() {
    assertThat(OutputFormat.values())
        .extracting(OutputFormat::cliName)
        .containsExactly("table", "grid", "csv", "json");
    assertThat(OutputFormat.cliNames()).isEqualTo("table, grid, csv, json");
  }

  @Test
  void onlyGridAndJsonShowTheDate() {
    assertThat(OutputFormat.TABLE.showsDate()).isFalse();
    assertThat(OutputFormat.CSV.showsDate()).isFalse();
    assertThat(OutputFormat.GRID.showsDate()).isTrue();
    assertThat(OutputFormat.JSON.showsDate()).isTrue();
  }

  @Test
  void opensTheMatchingWriter() {
    Rates.Sink sink = new Rates.Sink();
    assertThat(OutputFormat.TABLE.open(sink.out, Rates.SEED_SPEC)).isInstanceOf(TableWriter.class);
    assertThat(OutputFormat.GRID.open(sink.out, Rates.SEED_SPEC)).isInstanceOf(GridWriter.class);
    assertThat(OutputFormat.CSV.open(sink.out, Rates.SEED_SPEC)).isInstanceOf(CsvWriter.class);
    assertThat(OutputFormat.JSON.open(sink.out, Rates.SEED_SPEC)).isInstanceOf(JsonWriter.class);
  }

  @Test
  void findsFormatsByCliName() {
    assertThat(OutputFormat.fromCliName("csv")).isEqualTo(OutputFormat.CSV);
    assertThat(OutputFormat.fromCliName("JSON")).isEqualTo(OutputFormat.JSON);
    assertThatThrownBy(() -> OutputFormat.fromCliName("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xml")
        .hasMessageContaining("table, grid, csv, json");
  }
}
