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

    // The shortest decimal of each value: 1.12770 is 1.1277; scientific input is written plain (6.27E-5).
    assertThat(sink.text())
        .isEqualTo(
            """
            base,USD,EUR,IDR,XXX,date,provider,cached
            USD,1,0.8867606633,14132.9963642813,,2019-04-09,,
            EUR,1.1277,1,15937.5,,2019-04-09,,
            IDR,0.0000707564,0.0000627,1,,2019-04-09,,
            """);
  }

  @Test
  void everyBaseFailedLeavesJustTheHeader() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new CsvWriter(sink.out, Rates.SEED_SPEC);

    Rates.SEED_SPEC.bases().forEach(base -> writer.failed(base, "timeout"));
    writer.end();

    assertThat(sink.text()).isEqualTo("base,USD,EUR,PLN,NOK,CZK,date,provider,cached\n");
  }

  @Test
  void headerAndEachRowAreFlushedAsTheyArrive() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new CsvWriter(sink.out, Rates.SEED_SPEC);

    writer.row(Rates.USD);
    assertThat(sink.lastFlushed())
        .isEqualTo(
            "base,USD,EUR,PLN,NOK,CZK,date,provider,cached\nUSD,1,0.8867606633,3.8015429636,8.5297508203,22.7170346723,2019-04-09,,\n");
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

    assertThat(sink.text()).isEqualTo("base,\"A,B\",date,provider,cached\n");
  }

  @Test
  void numbersAreTheShortestDecimalWhateverTheServersSpelling() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new CsvWriter(sink.out, new MatrixSpec(List.of("USD"), List.of("USD", "EUR", "IDR")));
    writer.row(new dev.fxmatrix.api.RateTable(
        "USD", java.time.LocalDate.parse("2019-04-09"),
        java.util.Map.of("EUR", new java.math.BigDecimal("3.0e-06"), "IDR", new java.math.BigDecimal("372274.0")), "frankfurter",
        java.time.Instant.parse("2019-04-09T15:00:00Z")));
    writer.end();
    assertThat(sink.text().lines().toList().get(1)).isEqualTo("USD,1,0.000003,372274,2019-04-09,frankfurter,2019-04-09T15:00:00Z");
  }
}
