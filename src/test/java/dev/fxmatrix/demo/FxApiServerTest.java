package dev.fxmatrix.demo;

import static dev.fxmatrix.testing.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.LocalHttp;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fxmatrix.testing.LocalHttp.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API as a Frankfurter client sees it, golden values from the bundled ECB file. */
class FxApiServerTest {
  private static final List<String> LOG = new CopyOnWriteArrayList<>();
  private static FxApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FxApiServer.start(ServerOptions.defaults().withRequestLog(LOG::add));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void baseUriIsLoopbackWithThePortAndV1() {
    assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/v1"));
    assertThat(server.port()).isPositive();
  }

  @Test
  void latestWithEurBasePassesTheEcbDigitsOfTheNewestDayThrough() {
    Answer answer = get(server, "/latest");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=86400");
    assertThat(answer.body())
        .startsWith("{\"amount\":1.0,\"base\":\"EUR\",\"date\":\"2026-04-13\",\"rates\":{\"AUD\":1.661,")
        .contains("\"IDR\":20082.05,", "\"JPY\":186.75,", "\"USD\":1.1684,", "\"INR\":109.047,")
        .endsWith("\"ZAR\":19.3849}}");
    JsonNode rates = answer.json().get("rates");
    assertThat(rates.size()).isEqualTo(29);
    assertThat(fieldNames(rates)).isSorted().doesNotContain("EUR");
  }

  @Test
  void usdBaseGivesCrossRatesRoundedInBandsWithBigOnesAsIntegers() {
    Answer answer = get(server, "/2026-04-13?base=USD");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .startsWith("{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2026-04-13\",\"rates\":{")
        .contains("\"EUR\":0.85587,", "\"PLN\":3.6411,", "\"JPY\":159.83,", "\"IDR\":17188,")
        .doesNotContain("\"USD\":");
    assertThat(answer.json().get("rates").get("IDR").isIntegralNumber()).isTrue();
    assertThat(fieldNames(answer.json().get("rates"))).isSorted().hasSize(29);
  }

  @Test
  void aSaturdayAnswersFridaysRates() {
    Answer answer = get(server, "/2026-04-11?symbols=USD,JPY,GBP,IDR");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"amount\":1.0,\"base\":\"EUR\",\"date\":\"2026-04-10\","
                + "\"rates\":{\"GBP\":0.87105,\"IDR\":20020.25,\"JPY\":186.43,\"USD\":1.1711}}");
  }

  @Test
  void fromAndToAreAliasesOfBaseAndSymbolsAndCaseDoesNotMatter() {
    Answer aliases = get(server, "/2026-04-11?from=usd&to=eur,pln,Jpy");
    Answer names = get(server, "/2026-04-11?base=USD&symbols=EUR,PLN,JPY");

    assertThat(aliases.body())
        .isEqualTo(names.body())
        // 1/1.1711, 4.2435/1.1711, 186.43/1.1711
        .isEqualTo(
            "{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2026-04-10\","
                + "\"rates\":{\"EUR\":0.8539,\"JPY\":159.19,\"PLN\":3.6235}}");
  }

  @Test
  void fromWinsOverBaseAndToOverSymbols() {
    assertThat(get(server, "/latest?base=GBP&from=USD&symbols=JPY&to=EUR").body())
        .contains("\"base\":\"USD\"", "\"rates\":{\"EUR\":0.85587}}");
  }

  @Test
  void unknownSymbolsAmongKnownOnesAreLeftOut() {
    Answer answer = get(server, "/latest?symbols=USD,XXX,BGN");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(fieldNames(answer.json().get("rates"))).containsExactly("USD");
  }

  @Test
  void anOldDateHasTheCurrenciesOfItsTime() {
    Answer answer = get(server, "/2005-06-15?base=GBP&symbols=USD,ROL,RON");

    assertThat(answer.body())
        .isEqualTo(
            "{\"amount\":1.0,\"base\":\"GBP\",\"date\":\"2005-06-15\","
                + "\"rates\":{\"ROL\":54233,\"USD\":1.8103}}");
  }

  @Test
  void anAmountMultipliesTheRates() {
    assertThat(get(server, "/latest?base=USD&symbols=EUR&amount=10").body())
        .isEqualTo(
            "{\"amount\":10.0,\"base\":\"USD\",\"date\":\"2026-04-13\",\"rates\":{\"EUR\":8.5587}}");
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "/latest?base=XXX, 404, not found",
    "/latest?base=BGN, 404, not found",
    "'/latest?symbols=XXX,YYY', 404, not found",
    "/1990-01-01, 404, not found",
    "/1999-01-03, 404, not found",
    "/2026-04-28, 404, not found",
    "/2026-02-30, 422, invalid date",
    "/2026-13-01, 422, invalid date",
    "/2026-4-1, 422, invalid date",
    "/latest?base=USD&symbols=USD, 422, bad currency pair",
    "/latest?from=gbp&to=GBP, 422, bad currency pair",
    "/latest?amount=0, 422, invalid amount",
    "/latest?amount=abc, 422, invalid amount",
    "/nowhere, 404, not found",
    "/2020-01-01..2020-01-31, 404, not found",
  })
  void errorsAreJsonMessagesThatAreNeverCached(String pathAndQuery, int status, String message) {
    Answer answer = get(server, pathAndQuery);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void pathsOutsideV1AreNotFound() {
    Answer answer = LocalHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/latest")));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("{\"message\":\"not found\"}");
  }

  @Test
  void aDateAfterTheDataAnswersTheNewestDayForTwoWeeks() {
    assertThat(get(server, "/2026-04-27?symbols=USD").body()).contains("\"date\":\"2026-04-13\"");
  }

  @Test
  void currenciesNamesThoseQuotedOnTheNewestDayPlusEuro() {
    Answer answer = get(server, "/currencies");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=86400");
    JsonNode names = answer.json();
    assertThat(names.size()).isEqualTo(30);
    assertThat(fieldNames(names)).isSorted().contains("EUR", "USD").doesNotContain("BGN");
    assertThat(names.get("AUD").asText()).isEqualTo("Australian Dollar");
    assertThat(names.get("EUR").asText()).isEqualTo("Euro");
    assertThat(names.get("PLN").asText()).isEqualTo("Polish Złoty");
    assertThat(names.get("USD").asText()).isEqualTo("United States Dollar");
  }

  @Test
  void anEtagPerEcbDayAnswersNotModified() {
    Answer first = get(server, "/latest?base=USD");
    String etag = first.header("ETag");

    Answer again =
        LocalHttp.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/latest?base=USD")).header("If-None-Match", etag));

    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get(server, "/2026-04-10").header("ETag")).isNotEqualTo(etag);
  }

  @Test
  void headAnswersHeadersOnlyAndOtherMethodsAreRefused() {
    Answer head = LocalHttp.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/latest")).HEAD());
    Answer post =
        LocalHttp.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/latest")).POST(HttpRequest.BodyPublishers.ofString("x")));

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void countsRequestsAndLogsOneLinePerRequest() throws Exception {
    long before = server.requestCount();
    get(server, "/latest?base=USD&symbols=EUR");
    get(server, "/nowhere");

    assertThat(server.requestCount()).isEqualTo(before + 2);
    String okLine = awaitLogLine("GET /v1/latest?base=USD&symbols=EUR ");
    assertThat(okLine).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z GET /v1/latest\\?base=USD&symbols=EUR 200 \\d+ms");
    assertThat(awaitLogLine("GET /v1/nowhere ")).endsWith("ms").contains(" 404 ");
  }

  private static String awaitLogLine(String part) throws InterruptedException {
    // The line is written after the answer is sent, so it may trail the client by a moment.
    for (int i = 0; i < 200; i++) {
      for (String line : LOG) {
        if (line.contains(part)) {
          return line;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no log line with '" + part + "' in " + LOG);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
