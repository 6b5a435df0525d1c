package dev.fxmatrix.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridWriterTest {
  private static final MatrixSpec SPEC =
      new MatrixSpec(List.of("USD", "EUR", "PLN", "IDR"), List.of("USD", "EUR", "IDR", "XXX"));

  @Test
  void writesAnAlignedMatrixWithFailedAndMissingCells() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new GridWriter(sink.out, SPEC);

    writer.row(Rates.table("USD", "EUR", "0.8867606633", "IDR", "14132.9963642813"));
    writer.row(Rates.table("EUR", "USD", "1.1277", "IDR", "15937.5"));
    writer.failed("PLN", "HTTP 500 after 4 attempts");
    writer.row(Rates.table("IDR", "USD", "0.0000707564", "EUR", "6.27E-5"));
    writer.end();

    assertThat(sink.text())
        .isEqualTo(
            """
            rates on 2019-04-09
                          USD           EUR           IDR           XXX
            USD       1.00000      0.886761       14133.0           n/a
            EUR       1.12770       1.00000       15937.5           n/a
            PLN        failed
            IDR  0.0000707564  0.0000627000       1.00000           n/a
            """);
    // Every cell ends at the same column in every line: the grid is aligned.
    assertThat(sink.text().lines().skip(1).filter(l -> !l.endsWith("failed")).map(String::length))
        .containsOnly(3 + 4 * (GridWriter.GAP.length() + GridWriter.CELL_WIDTH));
  }

  @Test
  void classCommentExampleIsTrue() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer =
        new GridWriter(sink.out, new MatrixSpec(List.of("USD", "EUR", "CZK"), List.of("USD", "EUR")));

    writer.row(Rates.USD);
    writer.row(Rates.EUR);
    writer.failed("CZK", "timeout");
    writer.end();

    assertThat(sink.text())
        .isEqualTo(
            """
            rates on 2019-04-09
                          USD           EUR
            USD       1.00000      0.886761
            EUR       1.12770       1.00000
            CZK        failed
            """);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1, 1.00000",
    "0.8867606633, 0.886761",
    "22.7170346723, 22.7170",
    "14132.9963642813, 14133.0",
    "0.0000708, 0.0000708000",
    "0.0000707564, 0.0000707564",
    "6.27E-5, 0.0000627000",
    "1E+3, 1000.00",
    "99999.95, 100000",
    "1234567.8, 1234568",
    "0.00000001234, 0.0000000123",
    "0, 0.00000",
  })
  void cellsArePlainWithSixSignificantDigits(String rate, String expected) {
    assertThat(GridWriter.cell(new BigDecimal(rate))).isEqualTo(expected);
  }

  @Test
  void everyRealisticMagnitudeFitsTheColumn() {
    for (int exponent = -10; exponent <= 10; exponent++) {
      for (String mantissa : List.of("1", "1.23456789", "9.99999999")) {
        BigDecimal rate = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
        assertThat(GridWriter.cell(rate))
            .as("cell for %s", rate)
            .hasSizeLessThanOrEqualTo(GridWriter.CELL_WIDTH)
            .doesNotContainIgnoringCase("e");
      }
    }
  }

  @Test
  void failuresBeforeTheFirstRowWaitForTheHeader() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new GridWriter(sink.out, new MatrixSpec(List.of("PLN", "USD"), List.of("EUR")));

    writer.failed("PLN", "timeout");
    assertThat(sink.text()).isEmpty();
    writer.row(Rates.USD);
    writer.end();

    assertThat(sink.text())
        .isEqualTo(
            """
            rates on 2019-04-09
                          EUR
            PLN        failed
            USD      0.886761
            """);
  }

  @Test
  void everyBaseFailedStillShowsTheGridWithoutADate() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new GridWriter(sink.out, new MatrixSpec(List.of("USD", "EUR"), List.of("EUR")));

    writer.failed("USD", "timeout");
    writer.failed("EUR", "timeout");
    writer.end();

    assertThat(sink.text())
        .isEqualTo(
            """
            rates on n/a
                          EUR
            USD        failed
            EUR        failed
            """);
  }

  @Test
  void rowWithAnotherDateShowsItsOwnDate() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new GridWriter(sink.out, new MatrixSpec(List.of("USD", "EUR"), List.of("USD")));

    writer.row(Rates.USD);
    writer.row(Rates.table("EUR", LocalDate.of(2019, 4, 8), "USD", "1.1277"));
    writer.end();

    assertThat(sink.text().lines().toList())
        .containsExactly(
            "rates on 2019-04-09",
            "              USD",
            "USD       1.00000",
            "EUR       1.12770  (2019-04-08)");
  }

  @Test
  void headerAndEachRowAreFlushedAsTheyArrive() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new GridWriter(sink.out, Rates.SEED_SPEC);

    writer.row(Rates.USD);
    assertThat(sink.lastFlushed()).startsWith("rates on 2019-04-09\n").contains("USD   ");
    writer.failed("EUR", "timeout");
    assertThat(sink.lastFlushed()).isEqualTo(sink.text()).endsWith("EUR        failed\n");
  }
}
