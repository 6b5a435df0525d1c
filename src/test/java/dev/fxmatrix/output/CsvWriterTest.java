package dev.fxmatrix.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {
  @Test
  void writesExactDigitsEmptyMissingCellsAndSkipsFailedBases() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer =
        new CsvWriter(
            sink.out,
            new MatrixSpec(List.of("USD", "PLN", "EUR", "IDR"), List.of("USD", "EUR", "IDR", "XXX")));

    writer.row(Rates.table("USD", "EUR", "0.8867606633", "IDR", "14132.9963642813"));
    writer.failed("PLN", "HTTP 500 after 4 attempts");
    writer.row(Rates.table("EUR", "USD", "1.12770", "IDR", "15937.5"));
    writer.row(Rates.table("IDR", "USD", "0.0000707564", "EUR", "6.27E-5"));
    writer.end();

    // Trailing zeros the API sent stay (1.12770); scientific input is written plain (6.27E-5).
    assertThat(sink.text())
        .isEqualTo(
            """
            base,USD,EUR,IDR,XXX
            USD,1,0.8867606633,14132.9963642813,
            EUR,1.12770,1,15937.5,
            IDR,0.0000707564,0.0000627,1,
            """);
  }

  @Test
  void everyBaseFailedLeavesJustTheHeader() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new CsvWriter(sink.out, Rates.SEED_SPEC);

    Rates.SEED_SPEC.bases().forEach(base -> writer.failed(base, "timeout"));
    writer.end();

    assertThat(sink.text()).isEqualTo("base,USD,EUR,PLN,NOK,CZK\n");
  }

  @Test
  void headerAndEachRowAreFlushedAsTheyArrive() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new CsvWriter(sink.out, Rates.SEED_SPEC);

    writer.row(Rates.USD);
    assertThat(sink.lastFlushed())
        .isEqualTo("base,USD,EUR,PLN,NOK,CZK\nUSD,1,0.8867606633,3.8015429636,8.5297508203,22.7170346723\n");
    writer.row(Rates.EUR);
    assertThat(sink.lastFlushed()).isEqualTo(sink.text()).hasLineCount(3);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "USD|USD",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "'two\nlines'|'\"two\nlines\"'",
        "'cr\rhere'|'\"cr\rhere\"'",
      })
  void quotesFieldsPerRfc4180(String field, String expected) {
    assertThat(CsvWriter.escape(field)).isEqualTo(expected);
  }

  @Test
  void oddSymbolNamesAreQuotedInTheHeader() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new CsvWriter(sink.out, new MatrixSpec(List.of("USD"), List.of("A,B")));

    writer.end();

    assertThat(sink.text()).isEqualTo("base,\"A,B\"\n");
  }
}
