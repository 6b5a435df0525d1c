package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.demo.Dialect;
import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Providers and failover through the real command line, every provider its own server on loopback. */
class ProvidersCommandTest {
  @StartStop final MockWebServer first = new MockWebServer();
  @StartStop final MockWebServer second = new MockWebServer();
  FxApiServer v2;

  @BeforeEach
  void startV2() throws IOException {
    v2 = FxApiServer.start(ServerOptions.defaults().withPort(0).withDialect(Dialect.FRANKFURTER_V2));
  }

  @AfterEach
  void stopV2() {
    v2.close();
  }

  @Test
  void frankfurterItsV2AndTheEcbGiveTheSameMatrixOnTheEmbeddedEcbData() {
    String bases = "USD,EUR,PLN,NOK,CZK,JPY,GBP,CHF,HUF,INR,IDR,ZAR";
    String frankfurter = Cli.run("--demo", "--demo-latency", "0ms", "--demo-jitter", "0ms", "-b", bases, "-q").out();
    assertThat(frankfurter.lines()).hasSize(12);
    for (String provider : List.of("frankfurter-v2", "ecb")) {
      Cli run = Cli.run("--demo", "--demo-latency", "0ms", "--demo-jitter", "0ms", "--provider", provider, "-b", bases, "-q");
      assertThat(run.exitCode()).as(provider + ": " + run.err()).isZero();
      assertThat(run.out()).as(provider).isEqualTo(frankfurter);
    }
  }

  static Stream<Arguments> firstProviderFailures() {
    return Stream.of(
        Arguments.of("answers 500", new MockResponse.Builder().code(500).body("{\"message\":\"down\"}").build(), "HTTP 500: down (2 attempts)"),
        Arguments.of("asks to wait an hour", new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build(),
            "HTTP 429 (rate limited), server asks to wait 1h (1 attempt)"),
        Arguments.of("lacks the currency", new MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build(),
            "no latest rates for USD (HTTP 404: not found) (1 attempt)"));
  }

  @ParameterizedTest(name = "the first {0}")
  @MethodSource("firstProviderFailures")
  void everyRowIsPrintedFromTheSecondProviderNamed(String what, MockResponse failure, String reason) {
    first.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return failure;
      }
    });
    Cli run = chain(first.url("/v1").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1).toList()).hasSize(2).allMatch(line -> line.endsWith(",frankfurter-v2,"));
    assertThat(run.err()).contains("fxmatrix: rows from frankfurter-v2 (USD, EUR)");
    Cli verbose = chain(first.url("/v1").toString(), "-v");
    assertThat(verbose.err()).contains("fxmatrix: USD: answered by frankfurter-v2 after frankfurter: " + reason);
  }

  @Test
  void everyRowIsPrintedFromTheSecondWhenTheFirstRefusesConnections() throws IOException {
    Cli run = chain("http://127.0.0.1:" + closedPort() + "/v1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1)).hasSize(2);
    assertThat(run.err()).contains("rows from frankfurter-v2 (USD, EUR)");
  }

  @Test
  void whenEveryProviderFailsTheRowSaysWhatEachOneDid() throws IOException {
    second.enqueue(new MockResponse.Builder().code(503).build());
    second.enqueue(new MockResponse.Builder().code(503).build());
    Cli run = Cli.run("--provider", "frankfurter,frankfurter-v2", "--api-url", "http://127.0.0.1:" + closedPort() + "/v1",
        "--api-url", "frankfurter-v2=" + second.url("/v2"), "-b", "USD", "--symbols", "USD,EUR", "-q", "--no-cache", "--retries", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        "fxmatrix: USD: frankfurter: connection refused (2 attempts); frankfurter-v2: HTTP 503 (2 attempts)\n");
  }

  @Test
  void theDemoCanTakeAProviderDownToShowFailover() {
    Cli run = Cli.run("--demo", "--provider", "frankfurter,ecb", "--demo-down", "frankfurter", "-b", "USD,EUR", "-f", "csv", "-q", "--retries", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("USD,1,0.85587,2026-04-13,ecb,");
    assertThat(run.err()).contains("fxmatrix: rows from ecb (USD, EUR)");
  }

  /** open-er-api has codes of its own (FOK, the Faroese krona): with it in the chain they are asked for, not refused. */
  @Test
  void aCodeOutsideIso4217IsAskedForWhenAProviderMayHaveIt() {
    Cli iso = Cli.run("--demo", "-b", "USD", "--symbols", "EUR,FOK", "-q");
    Cli chain = Cli.run("--demo", "--provider", "frankfurter,open-er-api", "-b", "USD", "--symbols", "EUR,FOK", "-q");

    assertThat(iso.exitCode()).isEqualTo(2);
    assertThat(chain.exitCode()).as(chain.err()).isZero();
    assertThat(chain.out()).isEqualTo("1 USD =   0.856 EUR,     n/a FOK\n");
  }

  @Test
  void optionsAProviderCannotHonourAreRefusedBeforeAnythingIsSent() {
    Cli alone = Cli.run("--provider", "open-er-api", "--date", "2020-01-02", "--api-url", first.url("/v6").toString());
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).startsWith("fxmatrix: --date: open-er-api serves only the latest rates");
    assertThat(first.getRequestCount()).isZero();
  }

  @Test
  void aProviderWithoutDatesIsSkippedInAChainAndVerboseSaysSo() {
    second.setDispatcher(FakeFrankfurter.seed());
    Cli run = Cli.run("--provider", "open-er-api,frankfurter", "--api-url", "open-er-api=" + first.url("/v6"),
        "--api-url", "frankfurter=" + second.url("/v1"), "--date", "2019-04-09", "-b", "USD", "--symbols", "USD,EUR", "--no-cache", "-v");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("fxmatrix: open-er-api serves only the latest rates: skipped for --date 2019-04-09");
    assertThat(first.getRequestCount()).isZero();
  }

  @Test
  void theCurrenciesCommandListsWhatAProviderCarries() {
    Cli run = Cli.run("currencies", "--demo", "--provider", "ecb");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("USD  ").contains("JPY  ").doesNotContain("BGN");
    assertThat(run.err()).contains("currencies from ecb");
  }

  Cli chain(String firstUrl, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--provider", "frankfurter,frankfurter-v2", "--api-url", firstUrl,
        "--api-url", "frankfurter-v2=" + v2.apiUrl(), "-b", "USD,EUR", "-f", "csv", "-q", "--no-cache", "--retries", "1"));
    args.addAll(List.of(more));
    if (List.of(more).contains("-v")) {
      args.remove("-q");
    }
    return Cli.run(args.toArray(String[]::new));
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
