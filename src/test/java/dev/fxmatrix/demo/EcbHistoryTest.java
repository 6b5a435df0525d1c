package dev.fxmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EcbHistoryTest {
  private static final EcbHistory BUNDLED = EcbHistory.bundled();

  @Test
  void newestDayIsTheFirstLineOfTheBundledFileWithTheEcbDigits() {
    EcbDay newest = BUNDLED.newest();

    assertThat(newest.date()).isEqualTo(LocalDate.of(2026, 4, 13));
    assertThat(newest.perEuro()).hasSize(29).doesNotContainKeys("BGN", "HRK", "RUB", "EUR");
    assertThat(newest.perEuro().get("USD")).hasToString("1.1684");
    assertThat(newest.perEuro().get("JPY")).hasToString("186.75");
    assertThat(newest.perEuro().get("IDR")).hasToString("20082.05");
    assertThat(newest.perEuro().get("ZAR")).hasToString("19.3849");
    assertThat(List.copyOf(newest.perEuro().keySet())).isSorted();
    assertThat(newest.rate("EUR")).contains(BigDecimal.ONE);
    assertThat(newest.rate("BGN")).isEmpty();
  }

  @Test
  void aWeekendAnswersTheFridayBefore() {
    EcbDay friday = BUNDLED.dayFor(LocalDate.of(2026, 4, 11)).orElseThrow();

    assertThat(friday.date()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(friday.perEuro().get("USD")).hasToString("1.1711");
    assertThat(friday.perEuro().get("IDR")).hasToString("20020.25");
  }

  @Test
  void oldDatesHaveTheCurrenciesOfTheirTime() {
    EcbDay day = BUNDLED.dayFor(LocalDate.of(2005, 6, 15)).orElseThrow();

    assertThat(day.date()).isEqualTo(LocalDate.of(2005, 6, 15));
    assertThat(day.perEuro().get("ROL")).hasToString("36157");
    assertThat(day.perEuro().get("GBP")).hasToString("0.6667");
    assertThat(day.perEuro()).doesNotContainKey("RON");
  }

  @Test
  void theFirstAndLastPublicationDaysBoundTheData() {
    assertThat(BUNDLED.dayFor(LocalDate.of(1999, 1, 4)).map(EcbDay::date)).contains(LocalDate.of(1999, 1, 4));
    assertThat(BUNDLED.dayFor(LocalDate.of(1999, 1, 3))).isEmpty();
    assertThat(BUNDLED.dayFor(LocalDate.of(1990, 1, 1))).isEmpty();
    // After the newest day: that day while within 14 days, then nothing.
    assertThat(BUNDLED.dayFor(LocalDate.of(2026, 4, 27)).map(EcbDay::date)).contains(LocalDate.of(2026, 4, 13));
    assertThat(BUNDLED.dayFor(LocalDate.of(2026, 4, 28))).isEmpty();
  }

  @Test
  void fallsBackAtMostFourteenDays() {
    EcbHistory history = EcbHistory.fromCsv("Date,USD,\n2020-01-20,1.2,\n2020-01-01,1.1,\n");

    assertThat(history.dayFor(LocalDate.of(2020, 1, 15)).map(EcbDay::date)).contains(LocalDate.of(2020, 1, 1));
    assertThat(history.dayFor(LocalDate.of(2020, 1, 16))).isEmpty();
    assertThat(history.dayFor(LocalDate.of(2020, 1, 19)).map(EcbDay::date)).isEmpty();
    assertThat(history.dayFor(LocalDate.of(2020, 1, 20)).map(EcbDay::date)).contains(LocalDate.of(2020, 1, 20));
  }

  @Test
  void readsTheEcbFormatNotQuotedAndTrailingCommaAndCrlf() {
    EcbHistory history =
        EcbHistory.fromCsv(
            "Date,USD,JPY,BGN,\r\n2026-04-13,1.1684,186.75,N/A,\r\n\r\n2026-04-10,1.1711,186.43,1.9558\r\n");

    EcbDay newest = history.newest();
    assertThat(newest.perEuro()).containsOnlyKeys("USD", "JPY");
    assertThat(newest.perEuro().get("JPY")).hasToString("186.75");
    EcbDay older = history.dayFor(LocalDate.of(2026, 4, 10)).orElseThrow();
    assertThat(older.perEuro()).containsOnlyKeys("USD", "JPY", "BGN");
  }

  @Test
  void answersTheSameWhateverTheOrderOfLookups() {
    EcbHistory history = fixture();

    assertThat(history.dayFor(LocalDate.of(1990, 1, 1))).isEmpty(); // reads the whole file
    assertThat(history.dayFor(LocalDate.of(2020, 1, 4)).map(EcbDay::date)).contains(LocalDate.of(2020, 1, 3));
    assertThat(history.newest().date()).isEqualTo(LocalDate.of(2020, 1, 6));
  }

  @Test
  void refusesAFileThatIsNotNewestFirst() {
    EcbHistory history = EcbHistory.fromCsv("Date,USD,\n2020-01-01,1.1,\n2020-01-02,1.2,\n");

    assertThat(history.newest().date()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThatThrownBy(() -> history.dayFor(LocalDate.of(1990, 1, 1)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void refusesAFileWithoutHeaderOrRates() {
    assertThatThrownBy(() -> EcbHistory.fromCsv("2020-01-01,1.1,\n").newest())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("header");
    assertThatThrownBy(() -> EcbHistory.fromCsv("Date,USD,\n").newest())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no rates");
  }

  @Test
  void concurrentLookupsOfAFreshHistoryAgree() throws Exception {
    EcbHistory history = new EcbHistory(() -> {
      var in = EcbHistory.class.getResourceAsStream("eurofxref-hist.zip");
      var zip = new java.util.zip.ZipInputStream(in);
      zip.getNextEntry();
      return new AsciiLineReader(zip);
    }, "test copy");
    List<LocalDate> dates = new ArrayList<>();
    for (int year = 1998; year <= 2026; year++) {
      dates.add(LocalDate.of(year, 6, 15));
    }
    List<Callable<Optional<EcbDay>>> lookups = new ArrayList<>();
    dates.forEach(date -> lookups.add(() -> history.dayFor(date)));
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Optional<EcbDay>>> results = executor.invokeAll(lookups);
      for (int i = 0; i < dates.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(BUNDLED.dayFor(dates.get(i)));
      }
    }
    assertThat(history.dayFor(LocalDate.of(1998, 6, 15))).isEmpty();
  }

  @Test
  void aRangeListsItsPublicationsOldestFirstAndTheLastOneBeforeAStartIsFoundHoweverFarBack() {
    EcbHistory history = fixture();

    assertThat(history.between(LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 31)))
        .extracting(EcbDay::date)
        .containsExactly(LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 6));
    assertThat(history.between(LocalDate.of(2020, 1, 4), LocalDate.of(2020, 1, 5))).isEmpty();
    assertThat(history.between(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 2))).isEmpty();
    assertThat(history.all()).hasSize(3);
    assertThat(history.lastOnOrBefore(LocalDate.of(2021, 1, 1)).map(EcbDay::date)).contains(LocalDate.of(2020, 1, 6));
    assertThat(history.lastOnOrBefore(LocalDate.of(2020, 1, 1))).isEmpty();
    assertThat(BUNDLED.all()).hasSize(6983).first().extracting(EcbDay::date).isEqualTo(LocalDate.of(1999, 1, 4));
  }

  private static EcbHistory fixture() {
    return EcbHistory.fromCsv(
        """
        Date,USD,GBP,
        2020-01-06,1.1194,0.85118,
        2020-01-03,1.1147,0.8503,
        2020-01-02,1.1193,0.8475,
        """);
  }
}
