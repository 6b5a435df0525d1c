package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad usage: exit code 2, exactly one line on stderr naming the option and what it allows, nothing
 * on stdout, and not a single request sent.
 */
class BadInputTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @BeforeEach
  void serve() {
    server.setDispatcher(FakeFrankfurter.seed());
  }

  /** Runs against the stand-in, unless {@code options} name their own {@code --api-url}. */
  Cli runWith(String... options) {
    List<String> args = new ArrayList<>();
    if (!List.of(options).contains("--api-url")) {
      args.addAll(List.of("--api-url", server.url("/v1").toString()));
    }
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  static Arguments bad(String option, String hint, String... args) {
    return Arguments.of(String.join(" ", args), option, hint, args);
  }

  static Stream<Arguments> badInputs() {
    String future = LocalDate.now().plusDays(2).toString();
    return Stream.of(
        bad("--bases", "three letters", "--bases", "US"),
        bad("--bases", "three letters", "--bases", "USD1"),
        bad("--bases", "three letters", "-b", "USD,EU,PLN"),
        bad("--bases", "USD,EUR", "--bases", "USD,,EUR"),
        bad("--bases", "USD,EUR", "--bases", "USD,EUR,"),
        bad("--bases", "three-letter codes", "--bases", ""),
        bad("--bases", "once", "--bases", "USD,EUR,usd"),
        bad("--symbols", "three letters", "--symbols", "EURO"),
        bad("--symbols", "USD,EUR", "--symbols", ",EUR"),
        bad("--threads", "1 or more", "--threads", "0"),
        bad("--threads", "1 or more", "-t", "-2"),
        bad("--threads", "'many' is not a whole number", "--threads", "many"),
        bad("--rate", "above 0", "--rate", "0"),
        bad("--rate", "above 0", "--rate", "-1"),
        bad("--rate", "above 0", "--rate", "fast"),
        bad("--rate", "above 0", "--rate", "NaN"),
        bad("--rate", "above 0", "--rate", "Infinity"),
        bad("--strategy", "sequential, thread-per-item, pool, virtual, async", "--strategy", "fastest"),
        bad("--format", "table, grid, csv, json", "--format", "xml"),
        bad("--timeout", "like 500ms", "--timeout", "10"),
        bad("--timeout", "like 500ms", "--timeout", "soon"),
        bad("--timeout", "like 500ms", "--timeout", "-1s"),
        bad("--timeout", "above 0", "--timeout", "0"),
        bad("--date", "YYYY-MM-DD", "--date", "2019-13-45"),
        bad("--date", "YYYY-MM-DD", "--date", "2019-02-30"),
        bad("--date", "YYYY-MM-DD", "--date", "09.04.2019"),
        bad("--date", "up to today", "--date", future),
        bad("--date", "up to today", "--date", LocalDate.now().plusDays(1).toString()), // near today: the local date decides
        bad("--retries", "0 or more", "--retries", "-1"),
        bad("--retries", "'often' is not a whole number", "--retries", "often"),
        bad("--burst", "1 or more", "--burst", "0"),
        bad("--api-url", "http(s) URL", "--api-url", "not a url"),
        bad("--bases", "'XYZ' is not an ISO 4217 currency code", "--bases", "USD,XYZ"),
        bad("--symbols", "'FOK' is not an ISO 4217 currency code", "--symbols", "EUR,FOK"),
        bad("--api-url", "second URL for frankfurter", "--api-url", "http://127.0.0.1:1/v1", "--api-url", "frankfurter=http://127.0.0.1:2/v1"),
        bad("--output", "does not exist", "--output", "no/such/folder/rates.txt"),
        bad("--bogus", "--help", "--bogus"),
        bad("--threads", "N", "--threads"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRefusedInOneLineBeforeAnythingIsSent(String name, String option, String hint, String[] args) {
    Cli run = runWith(args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).hasLineCount(1).endsWith("\n").startsWith("fxmatrix: ").contains(option).contains(hint);
    assertThat(server.getRequestCount()).isZero();
  }

  /** --demo keeps no cache unless given one, so what needs the cache would be ignored there. */
  @Test
  void theCachesOptionsWithTheDemoNeedACacheDir() {
    for (String option : List.of("--offline", "--stale-if-error")) {
      Cli run = Cli.run("--demo", option, "-b", "USD", "--symbols", "EUR");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).hasLineCount(1).contains(option, "which --demo uses only when given --cache-dir");
    }
  }

  @Test
  void severalBadOptionsStillGiveOneLine() {
    Cli run = runWith("--threads", "0", "--rate", "0", "--bases", "US");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void todayIsNotTheFuture() {
    Cli run = runWith("--date", LocalDate.now().toString(), "-b", "USD", "--symbols", "EUR", "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void codesAreCaseInsensitiveAndTrimmed() {
    Cli run = runWith("--bases", " usd , Eur ", "--symbols", "usd,eur", "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("1 USD =").contains("1 EUR =");
  }
}
