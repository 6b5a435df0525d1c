package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole command line against a Frankfurter stand-in: what a user at a terminal sees. */
class MatrixCommandTest {
  static final String SEED_TABLE =
      """
      1 USD =     1.0 USD,   0.887 EUR,     3.8 PLN,    8.53 NOK,    22.7 CZK
      1 EUR =    1.13 USD,     1.0 EUR,    4.29 PLN,    9.62 NOK,    25.6 CZK
      1 PLN =   0.263 USD,   0.233 EUR,     1.0 PLN,    2.24 NOK,    5.98 CZK
      1 NOK =   0.117 USD,   0.104 EUR,   0.446 PLN,     1.0 NOK,    2.66 CZK
      1 CZK =   0.044 USD,   0.039 EUR,   0.167 PLN,   0.375 NOK,     1.0 CZK
      """;

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeFrankfurter api = FakeFrankfurter.seed();

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
  }

  String apiUrl() {
    return server.url("/v1").toString();
  }

  @Test
  void printsTheSeedMatrixWithEveryStrategy() {
    for (String strategy : new String[] {"sequential", "thread-per-item", "pool", "virtual", "async"}) {
      Cli run = Cli.run("--api-url", apiUrl(), "--strategy", strategy);
      assertThat(run.out()).as(strategy).isEqualTo(SEED_TABLE);
      assertThat(run.exitCode()).isZero();
      assertThat(run.err()).as(strategy).containsPattern("(?m)^time elapsed: \\d+\\.\\d\\ds$");
      assertThat(run.err()).contains("rates of " + FakeFrankfurter.LATEST);
    }
  }

  @Test
  void asksForEachBaseOnceWithoutTheBaseAmongItsSymbols() throws Exception {
    Cli.run("--api-url", apiUrl(), "--strategy", "sequential", "-b", "usd,eur", "--symbols", "USD,EUR,PLN");
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/v1/latest?base=USD&symbols=EUR,PLN");
    assertThat(second.getTarget()).isEqualTo("/v1/latest?base=EUR&symbols=USD,PLN");
  }

  @Test
  void aRowWhoseOnlySymbolIsItsBaseNeedsNoRequest() {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD", "--symbols", "usd", "-q");
    assertThat(run.out()).isEqualTo("1 USD =     1.0 USD\n");
    assertThat(server.getRequestCount()).isZero();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void dateGoesIntoThePath() throws Exception {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD", "--symbols", "EUR", "--date", "2019-04-05", "-q");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/2019-04-05?base=USD&symbols=EUR");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void quietLeavesStderrEmpty() {
    Cli run = Cli.run("--api-url", apiUrl(), "-q");
    assertThat(run.out()).isEqualTo(SEED_TABLE);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void verboseLogsEachRequestOnStderrOnly() {
    Cli run = Cli.run("--api-url", apiUrl(), "-v", "-b", "USD,EUR");
    assertThat(run.err()).contains("GET " + apiUrl() + "/latest?base=USD").contains("-> 200");
    assertThat(run.out()).doesNotContain("GET");
  }

  @Test
  void aSymbolTheApiDidNotReturnIsNa() {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD", "--symbols", "EUR,XAU", "-q");
    assertThat(run.out()).isEqualTo("1 USD =   0.887 EUR,     n/a XAU\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void awkwardValuesAreRenderedAsPythonDoes() {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD,IDR", "--symbols", "JPY,KRW,IDR,EUR", "-q");
    assertThat(run.out())
        .isEqualTo(
            """
            1 USD = 1.11e+02 JPY, 1.14e+03 KRW, 1.41e+04 IDR,   0.887 EUR
            1 IDR = 0.00787 JPY,  0.0806 KRW,     1.0 IDR, 6.27e-05 EUR
            """);
  }

  @Test
  void csvHasAHeaderAndFullPrecision() {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD,EUR", "--symbols", "USD,EUR,PLN", "-f", "csv", "-q");
    assertThat(run.out())
        .isEqualTo(
            """
            base,USD,EUR,PLN,date,provider,cached
            USD,1,0.8867606633,3.8015429636,%1$s,frankfurter,
            EUR,1.127699999996155,1,4.287000000037101,%1$s,frankfurter,
            """.formatted(FakeFrankfurter.LATEST));
  }

  @Test
  void jsonIsOneDocumentWithTheDate() throws Exception {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD,EUR", "-f", "json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("date").asText()).isEqualTo(FakeFrankfurter.LATEST);
    assertThat(json.get("bases").toString()).isEqualTo("[\"USD\",\"EUR\"]");
    assertThat(json.get("symbols").toString()).isEqualTo("[\"USD\",\"EUR\"]");
    assertThat(json.at("/rates/USD/EUR").decimalValue()).isEqualTo(new BigDecimal("0.8867606633"));
    assertThat(run.err()).doesNotContain("rates of"); // the date is in the document
  }

  @Test
  void gridShowsTheDateInItsHeader() {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD,EUR", "-f", "grid", "-q");
    assertThat(run.out()).startsWith("rates on " + FakeFrankfurter.LATEST + "\n").contains("0.886761");
  }

  @Test
  void apiUrlComesFromTheEnvironmentByDefault() {
    // picocli reads ${env:FXMATRIX_API_URL}; without it the documented default shows in --help.
    Cli run = Cli.run("--help");
    assertThat(run.out()).contains("FXMATRIX_API_URL").contains("https://api.frankfurter.dev/v1");
    assertThat(run.exitCode()).isZero();
  }

  // Subcommands are registered only when the arguments may need them; these are the cases that do.
  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "-qh"})
  void helpListsTheSubcommands(String help) {
    Cli run = Cli.run(help);
    assertThat(run.out()).contains("Commands:", "  serve ", "  bench ").doesNotContain("aot-training", "  worker ");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void optionsBeforeASubcommandAreRefusedNotDropped() {
    for (String[] args : List.of(new String[] {"-b", "USD,EUR", "bench"}, new String[] {"--demo", "serve"}, new String[] {"-q", "serve", "--help"})) {
      Cli run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).hasLineCount(1).startsWith("fxmatrix: " + Map.of("-b", "--bases", "-q", "--quiet", "--demo", "--demo").get(args[0]) + ": given before '");
    }
  }

  @Test
  void helpBeforeASubcommandIsStillHelp() {
    Cli run = Cli.run("--help", "serve");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: fxmatrix");
  }

  @Test
  void theQuickVersionSaysWhatPicocliWould() {
    Cli quick = Cli.run("--version");
    Cli parsed = Cli.run("-q", "--version"); // not alone: through the command line
    assertThat(quick.out()).isEqualTo(parsed.out()).isEqualTo(Cli.run("-V").out());
    assertThat(quick.exitCode()).isEqualTo(parsed.exitCode()).isZero();
  }

  @Test
  void helpListsEverySubcommandWithItsDescriptionAsItsOwnHelpHasIt() {
    String help = Cli.run("--help").out();
    for (String name : List.of("serve", "bench", "cache", "currencies")) {
      String ownFirstLine = Cli.run(name, "--help").out().lines()
          .dropWhile(line -> line.startsWith("Usage:") || line.startsWith(" ")).findFirst().orElseThrow();
      assertThat(help).contains("  " + name + " ").contains(ownFirstLine.substring(0, 30));
    }
  }

  @Test
  void versionNamesTheToolAndJava() {
    Cli run = Cli.run("--version");
    assertThat(run.out()).startsWith("fxmatrix ").contains("Java");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aRateThatMakesTheRunLongIsSaidAtItsStart() {
    server.setDispatcher(FakeFrankfurter.seed());
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD", "--symbols", "USD,EUR", "--rate", "0.09", "--max-time", "1s");
    assertThat(run.err()).startsWith("fxmatrix: --rate 0.09 spreads 1 requests over 11.111s\n");
    assertThat(run.err()).contains("USD: timed out (whole run)");
  }

  @Test
  void anUnknownSymbolCostsOnlyItsCellsNeverARow() {
    Cli run = Cli.run("--api-url", apiUrl(), "-b", "USD,XAU", "--symbols", "USD,EUR,XAU", "-q");
    assertThat(run.out()).isEqualTo("1 USD =     1.0 USD,   0.887 EUR,     n/a XAU\n");
    assertThat(run.err()).contains("fxmatrix: XAU: unknown currency XAU (HTTP 404: not found) (1 attempt)")
        .contains("fxmatrix: warning: no rate for XAU in USD");
    assertThat(Cli.run("--api-url", apiUrl(), "-b", "USD", "--symbols", "USD,XAU", "-q", "--strict").exitCode())
        .as("--strict makes a missing cell a failure").isEqualTo(1);
  }
}
