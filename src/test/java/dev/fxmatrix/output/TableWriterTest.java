package dev.fxmatrix.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {
  @Test
  void seedMatrixMatchesTheOriginalScriptExactly() {
    // Expected text from python3: for b: print(f"1 {b} =" + ",".join(f" {r:7.03} {s}" ...)),
    // with the cross rates computed as usd[s] / usd[b] in floats.
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new TableWriter(sink.out, Rates.SEED_SPEC);

    List.of(Rates.USD, Rates.EUR, Rates.PLN, Rates.NOK, Rates.CZK).forEach(writer::row);
    writer.end();

    assertThat(sink.text())
        .isEqualTo(
            """
            1 USD =     1.0 USD,   0.887 EUR,     3.8 PLN,    8.53 NOK,    22.7 CZK
            1 EUR =    1.13 USD,     1.0 EUR,    4.29 PLN,    9.62 NOK,    25.6 CZK
            1 PLN =   0.263 USD,   0.233 EUR,     1.0 PLN,    2.24 NOK,    5.98 CZK
            1 NOK =   0.117 USD,   0.104 EUR,   0.446 PLN,     1.0 NOK,    2.66 CZK
            1 CZK =   0.044 USD,   0.039 EUR,   0.167 PLN,   0.375 NOK,     1.0 CZK
            """);
  }

  @Test
  void missingRateIsNaInSevenColumnsAndWideValuesAreNotCut() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer =
        new TableWriter(sink.out, new MatrixSpec(List.of("USD"), List.of("USD", "XXX", "IDR")));

    writer.row(Rates.table("USD", "IDR", "14132.9963642813"));
    writer.end();

    assertThat(sink.text()).isEqualTo("1 USD =     1.0 USD,     n/a XXX, 1.41e+04 IDR\n");
  }

  @Test
  void failedBasePrintsNothingOnStdout() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new TableWriter(sink.out, Rates.SEED_SPEC);

    writer.row(Rates.USD);
    writer.failed("EUR", "HTTP 500 after 4 attempts");
    writer.row(Rates.PLN);
    writer.end();

    assertThat(sink.text().lines()).hasSize(2).allMatch(line -> !line.contains("EUR ="));
    assertThat(sink.text()).doesNotContain("HTTP 500");
  }

  @Test
  void flushesEveryRowAsItArrives() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new TableWriter(sink.out, Rates.SEED_SPEC);

    writer.row(Rates.USD);
    assertThat(sink.lastFlushed()).startsWith("1 USD =").endsWith("CZK\n");
    writer.row(Rates.EUR);
    assertThat(sink.lastFlushed()).isEqualTo(sink.text()).contains("1 EUR =");
  }
}
