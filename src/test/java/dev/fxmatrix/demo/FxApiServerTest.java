package dev.fxmatrix.demo;

import static dev.fxmatrix.testing.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxmatrix.testing.LocalHttp;
import dev.fxmatrix.testing.LocalHttp.Answer;
import dev.fxmatrix.testing.RequestLogLines;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Frankfurter v1 dialect as an HTTP client sees it: routes, headers, caching, CORS, errors. */
class FxApiServerTest {
  private static final RequestLogLines LOG = new RequestLogLines();
  private static FxApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FxApiServer.start(ServerOptions.defaults().withRequestLog(LOG));
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
  void latestIsTheNewestDayWithTheEcbDigitsAndFrankfurtersHeaders() {
    Answer answer = get(server, "/latest");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=86400");
    assertThat(answer.header("ETag")).isEqualTo(Caching.etag("2026-04-13"));
    assertThat(answer.header("Vary")).isEqualTo("Origin");
    assertThat(answer.body())
        .startsWith("{\"amount\":1.0,\"base\":\"EUR\",\"date\":\"2026-04-13\",\"rates\":{\"AUD\":1.661,")
        .contains("\"IDR\":20082.05,", "\"JPY\":186.75,", "\"USD\":1.1684,")
        .endsWith("\"ZAR\":19.3849}}");
    assertThat(get(server, "/current").body()).isEqualTo(answer.body());
  }

  @Test
  void crossRatesRoundTheEcbRatesFirstAsFrankfurterDoes() {
    assertThat(get(server, "/2026-02-18?base=USD&symbols=INR").body())
        .isEqualTo("{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2026-02-18\",\"rates\":{\"INR\":90.69}}");
    // Small values in exponent form, big ones as integers, whole floats with ".0".
    assertThat(get(server, "/2026-04-13?base=IDR&symbols=EUR").body()).contains("\"rates\":{\"EUR\":5.0e-05}");
    assertThat(get(server, "/2026-04-13?base=USD&symbols=IDR").body()).contains("\"rates\":{\"IDR\":17188}");
    assertThat(get(server, "/2026-04-13?amount=1000&symbols=AUD").body())
        .isEqualTo("{\"amount\":1000.0,\"base\":\"EUR\",\"date\":\"2026-04-13\",\"rates\":{\"AUD\":1661.0}}");
  }

  @Test
  void aTimeSeriesStartsAtTheLastPublicationOnOrBeforeItsStart() {
    Answer answer = get(server, "/2024-01-01..2024-01-03?symbols=USD");
    Answer open = get(server, "/2026-04-09..?symbols=USD");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"amount\":1.0,\"base\":\"EUR\",\"start_date\":\"2023-12-29\",\"end_date\":\"2024-01-03\","
                + "\"rates\":{\"2023-12-29\":{\"USD\":1.105},\"2024-01-02\":{\"USD\":1.0956},\"2024-01-03\":{\"USD\":1.0919}}}");
    assertThat(answer.header("ETag")).isEqualTo(Caching.etag("2024-01-03"));
    assertThat(open.json().get("start_date").asText()).isEqualTo("2026-04-09");
    assertThat(open.json().get("end_date").asText()).isEqualTo("2026-04-13");
    assertThat(get(server, "/2026-04-14..").status()).isEqualTo(404);
  }

  @Test
  void everyTaggedRouteAnswersIfNoneMatchWith304() {
    for (String path : List.of("/latest?base=USD", "/2026-04-10", "/2024-01-01..2024-01-05", "/2024-01-01..", "/currencies")) {
      String etag = get(server, path).header("ETag");

      Answer again = send(request(path).header("If-None-Match", "\"other\", " + etag));

      assertThat(again.status()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.header("ETag")).isEqualTo(etag);
      assertThat(again.header("Cache-Control")).isEqualTo("public, max-age=86400");
    }
  }

  @Test
  void aWeakTagDoesNotMatchAndIfMatchMustMatch() {
    String etag = get(server, "/latest").header("ETag");

    assertThat(send(request("/latest").header("If-None-Match", "W/" + etag)).status()).isEqualTo(200);
    assertThat(send(request("/latest").header("If-Match", "\"nope\"")).status()).isEqualTo(412);
    assertThat(send(request("/latest").header("If-Match", etag)).status()).isEqualTo(200);
    assertThat(send(request("/latest").header("If-None-Match", etag).POST(HttpRequest.BodyPublishers.noBody())).status())
        .isEqualTo(412);
  }

  @Test
  void errorsCarryFrankfurtersShapesAndAreNeverCached() {
    Answer unrouted = get(server, "/2019-4-9");
    Answer notFound = get(server, "/latest?symbols=EUR");
    Answer invalid = get(server, "/2010-31-01");

    assertThat(unrouted.status()).isEqualTo(404);
    assertThat(unrouted.header("Content-Type")).isEqualTo("application/json");
    assertThat(unrouted.body()).isEqualTo("{\"status\":404,\"message\":\"not found\"}");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(notFound.body()).isEqualTo("{\"message\":\"not found\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).isEqualTo("{\"message\":\"invalid date\"}");
    for (Answer error : List.of(unrouted, notFound, invalid)) {
      assertThat(error.header("Cache-Control")).isEqualTo("no-store");
      assertThat(error.header("ETag")).isNull();
    }
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "/latest?from=EUR&to=EUR, 422, bad currency pair",
    "/latest?amount=0, 422, invalid amount",
    "/latest?base=XXX, 404, not found",
    "'/latest?symbols=USD,%20GBP', 200, ",
  })
  void parametersAreReadAsFrankfurterReadsThem(String path, int status, String message) {
    Answer answer = get(server, path);

    assertThat(answer.status()).isEqualTo(status);
    if (message != null) {
      assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    } else {
      assertThat(fieldNames(answer.json().get("rates"))).containsExactly("USD"); // " GBP" is no code
    }
  }

  @Test
  void indexDocumentsListTheApi() {
    Answer root = LocalHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")));
    Answer v1 = get(server, "");
    Answer v1Slash = get(server, "/");
    Answer headV1Slash = send(request("/").HEAD());

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.json().get("versions").get("v1").get("openapi").asText()).isEqualTo("/v1/openapi.json");
    assertThat(v1.body())
        .isEqualTo(v1Slash.body())
        .isEqualTo("{\"version\":\"v1\",\"status\":\"deprecated\",\"openapi\":\"/v1/openapi.json\",\"docs\":\"https://frankfurter.dev/v1/\"}");
    assertThat(headV1Slash.status()).isEqualTo(404); // Roda's r.root matches GET only
  }

  @Test
  void theOpenApiDocumentIsAStaticFileWithLastModified() {
    Answer openApi = get(server, "/openapi.json");
    String lastModified = openApi.header("Last-Modified");

    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.header("Content-Type")).isEqualTo("application/json");
    assertThat(openApi.json().get("openapi").asText()).startsWith("3.");
    assertThat(openApi.json().get("paths").has("/latest")).isTrue();
    assertThat(lastModified).isEqualTo("Mon, 13 Apr 2026 00:00:00 GMT");
    assertThat(send(request("/openapi.json").header("If-Modified-Since", lastModified)).status()).isEqualTo(304);
  }

  @Test
  void aRequestWithAnOriginGetsCorsHeadersAndPreflightsAreAnswered() {
    Answer cors = send(request("/latest").header("Origin", "https://example.com"));
    Answer plain = get(server, "/latest");
    Answer preflight =
        send(
            request("/latest")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-Custom"));
    Answer refused =
        send(
            request("/latest")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "DELETE"));

    assertThat(cors.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(cors.header("Access-Control-Allow-Methods")).isEqualTo("GET, OPTIONS");
    assertThat(cors.header("Access-Control-Max-Age")).isEqualTo("7200");
    assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.body()).isEmpty();
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("X-Custom");
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void headAnswersHeadersOnlyAndOtherMethodsAreAnsweredLikeGet() {
    Answer head = send(request("/latest").HEAD());
    Answer post = send(request("/latest?symbols=USD").POST(HttpRequest.BodyPublishers.ofString("x")));

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("ETag")).isEqualTo(Caching.etag("2026-04-13"));
    assertThat(post.status()).isEqualTo(200); // Roda's r.is matches every method
    assertThat(post.body()).isEqualTo(get(server, "/latest?symbols=USD").body());
  }

  @Test
  void currenciesNamesThoseQuotedOnTheNewestDayPlusEuro() {
    JsonNode names = get(server, "/currencies").json();

    assertThat(names.size()).isEqualTo(30);
    assertThat(fieldNames(names)).isSorted().contains("EUR", "USD").doesNotContain("BGN");
    assertThat(names.get("PLN").asText()).isEqualTo("Polish Złoty");
  }

  @Test
  void countsRequestsAndLogsOneLinePerRequest() throws Exception {
    long before = server.requestCount();
    get(server, "/latest?base=USD&symbols=EUR");
    get(server, "/nowhere");

    assertThat(server.requestCount()).isEqualTo(before + 2);
    String okLine = LOG.await("GET /v1/latest?base=USD&symbols=EUR ");
    assertThat(okLine).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z GET /v1/latest\\?base=USD&symbols=EUR 200 \\d+ms");
    assertThat(LOG.await("GET /v1/nowhere ")).endsWith("ms").contains(" 404 ");
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUri() + path));
  }

  private static Answer send(HttpRequest.Builder request) {
    return LocalHttp.send(request);
  }


  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
