package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import dev.fxmatrix.testing.Cli;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client against the embedded API over real HTTP: --demo, and a running `serve` with faults. */
class DemoCommandTest {
  /** The ECB's rates of 2026-04-13 crossed through, as Python renders them (see the README). */
  static final String LATEST_TABLE =
      """
      1 USD =     1.0 USD,   0.856 EUR,    3.64 PLN,     9.5 NOK,    20.9 CZK
      1 EUR =    1.17 USD,     1.0 EUR,    4.25 PLN,    11.1 NOK,    24.4 CZK
      1 PLN =   0.275 USD,   0.235 EUR,     1.0 PLN,    2.61 NOK,    5.73 CZK
      1 NOK =   0.105 USD,  0.0901 EUR,   0.383 PLN,     1.0 NOK,     2.2 CZK
      1 CZK =  0.0479 USD,   0.041 EUR,   0.175 PLN,   0.455 NOK,     1.0 CZK
      """;

  static final String ALL_30 =
      "USD,JPY,CZK,DKK,GBP,HUF,PLN,RON,SEK,CHF,ISK,NOK,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR,EUR";

  @Test
  void demoPrintsTheLatestEcbMatrixWithEveryStrategy() {
    for (String strategy : new String[] {"sequential", "thread-per-item", "pool", "virtual", "async"}) {
      Cli run = Cli.run("--demo", "--demo-latency", "0ms", "--demo-jitter", "0ms", "-s", strategy);
      assertThat(run.out()).as(strategy).isEqualTo(LATEST_TABLE);
      assertThat(run.err()).contains("rates of 2026-04-13");
      assertThat(run.exitCode()).isZero();
    }
  }

  @Test
  void demoServesPastDatesWithTheirOwnCurrencies() {
    Cli run = Cli.run("--demo", "--demo-latency", "0ms", "-b", "EUR", "--symbols", "DEM,LTL,USD", "--date", "2010-01-02", "-f", "csv");
    // A Saturday: Friday's rates (2010-01-01 was a holiday, so Thursday's). LTL existed then, DEM never.
    assertThat(run.out()).isEqualTo("base,DEM,LTL,USD,date,provider,cached\nEUR,,3.4528,1.4406,2009-12-31,frankfurter,\n");
    assertThat(run.err()).contains("rates of 2009-12-31");
  }

  @Test
  void demoLatencyIsFeltByTheClient() {
    Cli run = Cli.run("--demo", "--demo-latency", "300ms", "--demo-jitter", "0ms", "-s", "sequential", "-b", "USD,EUR");
    // Two sequential requests of 300 ms each: at least 0.6 s, whatever the machine.
    assertThat(elapsedSeconds(run.err())).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void aRunningServersRateLimitIsSurvived() throws Exception {
    try (FxApiServer server = FxApiServer.start(ServerOptions.defaults().withPort(0).withRateLimit(10))) {
      Cli run = Cli.run("--api-url", server.baseUri().toString(), "-s", "thread-per-item", "-b", ALL_30, "--symbols", "USD,EUR", "-q");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out().lines()).hasSize(30);
      // 30 bases, and a first wave of 20 refusals: at most a handful more than one retry each.
      assertThat(server.requestCount()).isLessThan(30 + 20 + 10);
    }
  }

  @Test
  void serverErrorsAreRetriedAway() throws Exception {
    ServerOptions flaky = ServerOptions.defaults().withPort(0).withErrorRate(0.3).withSeed(7);
    try (FxApiServer server = FxApiServer.start(flaky)) {
      Cli run = Cli.run("--api-url", server.baseUri().toString(), "-s", "virtual", "-b", ALL_30, "--retries", "6", "-q");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out().lines()).hasSize(30);
      assertThat(server.requestCount()).isGreaterThan(30); // some were refused, and retried
    }
  }

  static double elapsedSeconds(String err) {
    Matcher m = Pattern.compile("time elapsed: (\\d+\\.\\d+)s").matcher(err);
    assertThat(m.find()).as(err).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
