package dev.fxmatrix.api;

import static dev.fxmatrix.api.ProviderHttp.answer;
import static dev.fxmatrix.api.ProviderHttp.body;
import static dev.fxmatrix.api.ProviderHttp.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** ExchangeRate-API's open endpoint over real HTTP, with the bodies recorded in the providers' notes. */
class OpenErApiTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer fallback = new MockWebServer();

  OpenErApi provider() {
    return new OpenErApi(server.url("/v6"), "fxmatrix/test");
  }

  @Test
  void asksForTheBaseInThePathWithoutSymbols() throws Exception {
    server.enqueue(answer(200, fixture("open-er-api-latest-USD.json")));

    body(provider().request("USD", List.of("CAD", "EUR"), null, 1));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v6/latest/USD");
  }

  @Test
  void keepsTheAskedRatesAsSentDroppingTheBaseAndDatesThemByTheLastUpdate() throws Exception {
    server.enqueue(answer(200, fixture("open-er-api-latest-USD.json")));

    RateTable table = provider().read("USD", List.of("BZD", "CAD", "EUR"), body(provider().request("USD", List.of(), null, 1)));

    assertThat(table.base()).isEqualTo("USD");
    assertThat(table.provider()).isEqualTo("open-er-api");
    // time_last_update_unix 1757462551 is 2025-09-10T00:02:31Z
    assertThat(table.date()).isEqualTo(LocalDate.of(2025, 9, 10));
    assertThat(table.rates()).containsOnlyKeys("BZD", "CAD"); // no EUR in the recorded answer: an n/a cell
    assertThat(table.rates().get("BZD")).hasToString("2"); // an integer, as sent
    assertThat(table.rates().get("CAD")).hasToString("1.383268");
  }

  @Test
  void anUnsupportedCodeWithHttp200SaysItDoesNotCarryTheBase() {
    assertThatThrownBy(() -> provider().read("XYZ", List.of("EUR"), fixture("open-er-api-unsupported-code.json")))
        .isInstanceOf(ApiException.class)
        .hasMessage("open-er-api does not carry XYZ");
    assertThatThrownBy(() -> provider().read("USD", List.of("EUR"), fixture("open-er-api-malformed-request.json")))
        .hasMessageStartingWith("open-er-api refused the request as malformed");
    assertThatThrownBy(() -> provider().read("USD", List.of("EUR"), "{\"result\":\"error\",\"error-type\":\"quota-reached\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("open-er-api answered error \"quota-reached\"");
  }

  @Test
  void theSameErrorWithA4xxIsExplainedAlike() {
    assertThat(provider().explain(404, fixture("open-er-api-unsupported-code.json"), "XYZ", List.of("EUR"), null))
        .isEqualTo("open-er-api does not carry XYZ (HTTP 404)");
    assertThat(provider().explain(404, "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8), "USD", List.of("EUR"), null))
        .isEqualTo("HTTP 404");
    assertThat(new OpenErApi(server.url("/v4"), "t").explain(404, new byte[0], "USD", List.of("EUR"), null))
        .contains("an open-er-api URL? (they end in /v6)");
  }

  @Test
  void refusesAnswersOfAnotherShape() {
    assertThat(malformed("")).isEqualTo("malformed response: empty body");
    assertThat(malformed("{\"result\":\"success\",\"time_last_update_unix\":1757462551,\"base_code\":\"EUR\",\"rates\":{\"EUR\":1}}"))
        .isEqualTo("malformed response: asked for base USD, got EUR");
    assertThat(malformed("{\"result\":\"success\",\"base_code\":\"USD\",\"rates\":{\"USD\":1}}"))
        .isEqualTo("malformed response: no \"time_last_update_unix\"");
    assertThat(malformed("{\"result\":\"success\",\"time_last_update_unix\":32503680000,\"base_code\":\"USD\",\"rates\":{\"USD\":1}}"))
        .isEqualTo("malformed response: date 3000-01-01 is in the future");
    assertThat(malformed("{\"result\":\"success\",\"time_last_update_unix\":1757462551,\"base_code\":\"USD\",\"rates\":{\"CAD\":-1.38}}"))
        .isEqualTo("malformed response: rate of CAD is -1.38, not a positive number");
    assertThat(malformed("{\"result\":\"success\",\"time_last_update_unix\":1757462551,\"base_code\":\"USD\"}"))
        .isEqualTo("malformed response: no \"rates\" object");
    assertThat(malformed("{\"base_code\":\"USD\"}")).isEqualTo("malformed response: no \"result\"");
  }

  private String malformed(String body) {
    return ProviderHttp.refusal(provider(), "USD", List.of("CAD"), body);
  }

  @Test
  void asksForTheAttributionItsTermsRequireAndWaitsTwentyMinutesAfterA429() {
    assertThat(provider().attribution()).hasValue("Rates By Exchange Rate API (https://www.exchangerate-api.com)");
    assertThat(provider().rateLimitWait()).hasValue(Duration.ofMinutes(20));
    assertThat(provider().servesDates()).isFalse();
  }

  @Test
  void namesTheCurrenciesOfOneAnswer() throws Exception {
    server.enqueue(answer(200, fixture("open-er-api-latest-USD.json")));

    var names = provider().readCurrencies(body(provider().currenciesRequest()));

    assertThat(names).containsOnlyKeys("BYN", "BZD", "CAD", "CNY", "USD").containsEntry("USD", "US Dollar").containsEntry("CAD", "Canadian Dollar");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v6/latest/USD");
  }

  @Test
  void theEngineMovesABaseItDoesNotCarryToTheNextProviderAtOnce() throws Exception {
    server.enqueue(answer(200, fixture("open-er-api-unsupported-code.json")));
    fallback.enqueue(answer(200, "{\"amount\":1.0,\"base\":\"XYZ\",\"date\":\"2025-09-10\",\"rates\":{\"EUR\":0.5}}"));
    List<Endpoint> chain =
        List.of(new Endpoint(OpenErApi.NAME, List.of(server.url("/v6").toString())),
            new Endpoint(FrankfurterV1.NAME, List.of(fallback.url("/v1").toString())));

    Outcome outcome = ProviderHttp.fetch(chain, null, new Job(0, "XYZ", List.of("EUR"))).getFirst();

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Fetched.class, fetched -> {
      assertThat(fetched.rates().provider()).isEqualTo("frankfurter");
      assertThat(fetched.earlier()).singleElement().satisfies(failed -> {
        assertThat(failed.provider()).isEqualTo("open-er-api");
        assertThat(failed.summary()).isEqualTo("open-er-api does not carry XYZ (1 attempt)");
      });
    });
    assertThat(server.getRequestCount()).isEqualTo(1); // not retried
  }

  @Test
  void theEngineGivesUpOnA429AskingTwentyMinutes() {
    server.enqueue(answer(429, ""));

    Outcome outcome =
        ProviderHttp.fetch(List.of(new Endpoint(OpenErApi.NAME, List.of(server.url("/v6").toString()))), null,
                new Job(0, "USD", List.of("EUR")))
            .getFirst();

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed ->
        assertThat(failed.summary()).isEqualTo("HTTP 429 (rate limited), server asks to wait 20m (1 attempt)"));
  }
}
