package dev.fxmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxmatrix.testing.LocalHttp;
import dev.fxmatrix.testing.LocalHttp.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every dialect over real HTTP, from the same ECB history: shapes, errors, caching headers. */
class FxApiServerDialectsTest {
  private static final Map<Dialect, FxApiServer> SERVERS = new EnumMap<>(Dialect.class);

  @BeforeAll
  static void start() throws IOException {
    for (Dialect dialect : Dialect.values()) {
      SERVERS.put(dialect, FxApiServer.start(ServerOptions.defaults().withDialect(dialect)));
    }
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(FxApiServer::close);
  }

  @Test
  void eachDialectNamesTheUrlAClientTakes() {
    for (Dialect dialect : Dialect.values()) {
      FxApiServer server = SERVERS.get(dialect);
      assertThat(server.dialect()).isEqualTo(dialect);
      assertThat(server.apiUrl()).isEqualTo("http://127.0.0.1:" + server.port() + dialect.basePath());
    }
    assertThat(SERVERS.get(Dialect.CURRENCY_API).apiUrl()).endsWith("/{date}/v1");
    assertThat(SERVERS.get(Dialect.CURRENCY_API).baseUri().getPath()).isEqualTo("/latest/v1");
    assertThat(Dialect.byId("open-er-api")).contains(Dialect.OPEN_ER_API);
    assertThat(Dialect.byId("fixer")).isEmpty();
  }

  @Test
  void frankfurterV2ListsRowsSortedByQuoteWithTheBaseItself() {
    Answer answer = get(Dialect.FRANKFURTER_V2, "/v2/rates?base=USD&quotes=USD,GBP,EUR&date=2026-04-11");
    Answer eur = get(Dialect.FRANKFURTER_V2, "/v2/rates?quotes=GBP,USD&date=2026-04-13");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "[{\"date\":\"2026-04-10\",\"base\":\"USD\",\"quote\":\"EUR\",\"rate\":0.8539},"
                + "{\"date\":\"2026-04-10\",\"base\":\"USD\",\"quote\":\"GBP\",\"rate\":0.74379},"
                + "{\"date\":\"2026-04-10\",\"base\":\"USD\",\"quote\":\"USD\",\"rate\":1.0}]");
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=86400, stale-while-revalidate=86400, stale-if-error=86400");
    assertThat(answer.header("ETag")).isEqualTo(Caching.etag("2026-04-10"));
    assertThat(eur.body()).contains("\"quote\":\"GBP\",\"rate\":0.87058}", "\"quote\":\"USD\",\"rate\":1.1684}");
  }

  @Test
  void frankfurterV2LatestIsCachedUntilMidnightAndAnswersConditionalRequests() {
    Answer latest = get(Dialect.FRANKFURTER_V2, "/v2/rates?quotes=USD");
    String etag = latest.header("ETag");

    assertThat(latest.json().get(0).get("date").asText()).isEqualTo("2026-04-13");
    assertThat(latest.header("Cache-Control")).matches("public, max-age=\\d+, stale-if-error=86400");
    assertThat(send(Dialect.FRANKFURTER_V2, "/v2/rates?quotes=USD", "If-None-Match", etag).status()).isEqualTo(304);
  }

  @Test
  void frankfurterV2RefusesWhatV2Refuses() {
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/rates?symbols=USD").status()).isEqualTo(422);
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/rates?symbols=USD").body()).isEqualTo("{\"message\":\"unknown parameter: symbols\"}");
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/rates?quotes=XYZ").body()).isEqualTo("{\"message\":\"invalid currency: XYZ\"}");
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/rates?date=2026-13-01").status()).isEqualTo(422);
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/latest").status()).isEqualTo(404);
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/rates?date=2026-04-13").header("Cache-Control")).contains("max-age=86400");
    assertThat(get(Dialect.FRANKFURTER_V2, "/v2/rates?base=USD&quotes=XYZ").header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void frankfurterV2CurrenciesSpanTheEcbHistory() {
    JsonNode currencies = get(Dialect.FRANKFURTER_V2, "/v2/currencies").json();
    JsonNode eur = find(currencies, "EUR");
    JsonNode bgn = find(currencies, "BGN");

    assertThat(eur.toString())
        .isEqualTo("{\"iso_code\":\"EUR\",\"iso_numeric\":\"978\",\"name\":\"Euro\",\"symbol\":\"€\","
            + "\"start_date\":\"1999-01-04\",\"end_date\":\"2026-04-13\"}");
    assertThat(bgn.get("end_date").asText()).isEqualTo("2025-12-31");
    assertThat(currencies.size()).isEqualTo(42);
  }

  @Test
  void openErApiGivesTheWholeTableForABaseInThePathWithTheBaseAsOne() {
    Answer answer = get(Dialect.OPEN_ER_API, "/v6/latest/USD");
    JsonNode json = answer.json();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"result\":\"success\",\"provider\":\"https://www.exchangerate-api.com\",");
    assertThat(answer.body()).contains("\"base_code\":\"USD\",\"rates\":{\"USD\":1,\"AUD\":1.421602,");
    assertThat(json.get("rates").size()).isEqualTo(30);
    assertThat(json.get("rates").get("EUR").decimalValue()).isEqualByComparingTo("0.8558713");
    assertThat(json.get("time_last_update_unix").asLong()).isEqualTo(1776088800L); // 2026-04-13 16:00 in Frankfurt
    assertThat(json.get("time_last_update_utc").asText()).isEqualTo("Mon, 13 Apr 2026 14:00:00 +0000");
    assertThat(json.get("time_next_update_unix").asLong()).isEqualTo(1776088800L + 86400);
  }

  @Test
  void openErApiErrorsComeWithStatus200() {
    Answer unsupported = get(Dialect.OPEN_ER_API, "/v6/latest/XYZ");
    Answer malformed = get(Dialect.OPEN_ER_API, "/v6/latest");

    assertThat(unsupported.status()).isEqualTo(200);
    assertThat(unsupported.body()).isEqualTo("{\"result\":\"error\",\"error-type\":\"unsupported-code\"}");
    assertThat(malformed.status()).isEqualTo(200);
    assertThat(malformed.body()).isEqualTo("{\"result\":\"error\",\"error-type\":\"malformed-request\"}");
  }

  @Test
  void currencyApiKeysAreLowerCaseAndMixInJunkLikeTheRealFiles() {
    Answer answer = get(Dialect.CURRENCY_API, "/2026-04-13/v1/currencies/usd.json");
    JsonNode usd = answer.json().get("usd");
    List<String> keys = new ArrayList<>();
    usd.fieldNames().forEachRemaining(keys::add);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"date\":\"2026-04-13\",\"usd\":{\"$myro\":");
    assertThat(keys).contains("eur", "jpy", "usd", "$myro", "00", "1inch", "btc").allMatch(k -> k.equals(k.toLowerCase()));
    assertThat(usd.get("eur").decimalValue()).isEqualByComparingTo("0.85587128");
    assertThat(usd.get("usd").decimalValue()).isEqualByComparingTo("1");
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=604800, s-maxage=43200");
    assertThat(answer.header("ETag")).isEqualTo("W/" + Caching.etag("2026-04-13"));
  }

  @Test
  void currencyApiServesLatestAWeekendUnderItsOwnDateTheListAndPlainTextFor404s() {
    assertThat(get(Dialect.CURRENCY_API, "/latest/v1/currencies/eur.json").body()).startsWith("{\"date\":\"2026-04-13\",\"eur\":{");
    assertThat(get(Dialect.CURRENCY_API, "/2026-04-11/v1/currencies/eur.json").body())
        .startsWith("{\"date\":\"2026-04-11\",\"eur\":{").contains("\"usd\":1.1711");
    assertThat(get(Dialect.CURRENCY_API, "/latest/v1/currencies.json").json().get("usd").asText()).isEqualTo("United States Dollar");
    for (String missing : List.of("/latest/v1/currencies/xyz.json", "/latest/v1/currencies/USD.json", "/1990-01-01/v1/currencies/usd.json")) {
      Answer notFound = get(Dialect.CURRENCY_API, missing);
      assertThat(notFound.status()).as(missing).isEqualTo(404);
      assertThat(notFound.header("Content-Type")).startsWith("text/plain");
    }
  }

  @Test
  void ecbServesItsXmlFilesInItsOrderWithItsDigits() {
    Answer daily = get(Dialect.ECB, "/stats/eurofxref/eurofxref-daily.xml");
    Answer ninety = get(Dialect.ECB, "/stats/eurofxref/eurofxref-hist-90d.xml");
    Answer all = get(Dialect.ECB, "/stats/eurofxref/eurofxref-hist.xml");

    assertThat(daily.status()).isEqualTo(200);
    assertThat(daily.header("Content-Type")).isEqualTo("text/xml");
    assertThat(daily.body())
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gesmes:Envelope")
        .contains("<Cube time='2026-04-13'>\n\t\t\t<Cube currency='USD' rate='1.1684'/>\n\t\t\t<Cube currency='JPY' rate='186.75'/>\n")
        .contains("<Cube currency='HUF' rate='366.9'/>") // the CSV drops the XML's trailing zero
        .doesNotContain("BGN");
    assertThat(count(daily.body(), "<Cube time=")).isEqualTo(1);
    assertThat(count(ninety.body(), "<Cube time=")).isBetween(60, 66);
    assertThat(count(all.body(), "<Cube time=")).isEqualTo(6983);
    assertThat(all.body().indexOf("2026-04-13")).isLessThan(all.body().indexOf("1999-01-04"));
    assertThat(get(Dialect.ECB, "/stats/eurofxref/nothing.xml").status()).isEqualTo(404);
  }

  @Test
  void ecbAnswersIfModifiedSinceItsPublication() {
    String lastModified = get(Dialect.ECB, "/stats/eurofxref/eurofxref-daily.xml").header("Last-Modified");

    assertThat(lastModified).isEqualTo("Mon, 13 Apr 2026 14:00:00 GMT");
    assertThat(send(Dialect.ECB, "/stats/eurofxref/eurofxref-daily.xml", "If-Modified-Since", lastModified).status()).isEqualTo(304);
    assertThat(send(Dialect.ECB, "/stats/eurofxref/eurofxref-daily.xml", "If-Modified-Since", "Mon, 13 Apr 2026 13:00:00 GMT").status())
        .isEqualTo(200);
  }

  @Test
  void faultsApplyToEveryDialect() throws IOException {
    for (Dialect dialect : Dialect.values()) {
      try (FxApiServer failing = FxApiServer.start(ServerOptions.defaults().withDialect(dialect).withErrorRate(1.0));
          FxApiServer slow = FxApiServer.start(ServerOptions.defaults().withDialect(dialect).withLatency(Duration.ofMillis(100), Duration.ZERO))) {
        assertThat(LocalHttp.send(HttpRequest.newBuilder(failing.baseUri())).status()).as(dialect.id()).isEqualTo(500);
        assertThat(LocalHttp.send(HttpRequest.newBuilder(slow.baseUri())).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
      }
    }
  }

  private static Answer get(Dialect dialect, String path) {
    return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVERS.get(dialect).port() + path)));
  }

  private static Answer send(Dialect dialect, String path, String header, String value) {
    return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVERS.get(dialect).port() + path)).header(header, value));
  }

  private static JsonNode find(JsonNode currencies, String code) {
    for (JsonNode currency : currencies) {
      if (currency.get("iso_code").asText().equals(code)) {
        return currency;
      }
    }
    throw new AssertionError("no " + code);
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
