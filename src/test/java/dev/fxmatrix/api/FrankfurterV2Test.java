package dev.fxmatrix.api;

import static dev.fxmatrix.api.ProviderHttp.answer;
import static dev.fxmatrix.api.ProviderHttp.body;
import static dev.fxmatrix.api.ProviderHttp.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Frankfurter v2 over real HTTP, with the bodies recorded in the providers' notes. */
class FrankfurterV2Test {
  @StartStop final MockWebServer server = new MockWebServer();

  FrankfurterV2 provider() {
    return new FrankfurterV2(server.url("/v2"), "fxmatrix/test");
  }

  RateTable read(String base, List<String> symbols, String body) throws ApiException {
    server.enqueue(answer(200, body));
    return provider().read(base, symbols, body(provider().request(base, symbols, null, 1)));
  }

  @Test
  void asksForQuotesWithACodeItSurelyHasAndTheDayAsAParameter() throws Exception {
    server.enqueue(answer(200, fixture("frankfurter-v2-rates-EUR-GBP-USD.json")));
    server.enqueue(answer(200, fixture("frankfurter-v2-rates-USD-THB.json")));

    body(provider().request("EUR", List.of("GBP"), LocalDate.of(2024, 1, 15), 1));
    body(provider().request("USD", List.of("THB", "EUR"), null, 1));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/rates?base=EUR&quotes=GBP,USD&date=2024-01-15");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/rates?base=USD&quotes=THB,EUR");
  }

  @Test
  void keepsTheAskedQuotesAsSentAndDatesTheTableByItsRows() throws Exception {
    RateTable table = read("EUR", List.of("GBP"), new String(fixture("frankfurter-v2-rates-EUR-GBP-USD.json"), StandardCharsets.UTF_8));

    assertThat(table.base()).isEqualTo("EUR");
    assertThat(table.date()).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(table.provider()).isEqualTo("frankfurter-v2");
    assertThat(table.rates()).containsOnlyKeys("GBP"); // the sentinel USD row is dropped
    assertThat(table.rates().get("GBP")).hasToString("0.8623");
  }

  @Test
  void dropsTheBasesOwnRowAndKeepsIntegersAndTrailingZeros() throws Exception {
    RateTable table =
        read("USD", List.of("IDR", "JPY"),
            "[{\"date\":\"2026-08-21\",\"base\":\"USD\",\"quote\":\"IDR\",\"rate\":16855},"
                + "{\"date\":\"2026-08-21\",\"base\":\"USD\",\"quote\":\"JPY\",\"rate\":147.50},"
                + "{\"date\":\"2026-08-21\",\"base\":\"USD\",\"quote\":\"USD\",\"rate\":1.0}]");

    assertThat(table.rates()).containsOnlyKeys("IDR", "JPY");
    assertThat(table.rates().get("IDR")).hasToString("16855");
    assertThat(table.rates().get("JPY")).hasToString("147.50");
  }

  @Test
  void rowsOfSeveralDaysAreDatedByTheNewest() throws Exception {
    RateTable table =
        read("USD", List.of("THB", "GBP"),
            "[{\"date\":\"2026-08-20\",\"base\":\"USD\",\"quote\":\"GBP\",\"rate\":0.74},"
                + "{\"date\":\"2026-08-21\",\"base\":\"USD\",\"quote\":\"THB\",\"rate\":32.8152}]");

    assertThat(table.date()).isEqualTo(LocalDate.of(2026, 8, 21));
    assertThat(table.rates()).containsOnlyKeys("GBP", "THB");
  }

  @Test
  void refusesARowOfAnotherBase() {
    assertThatThrownBy(() -> read("USD", List.of("GBP"), new String(fixture("frankfurter-v2-rates-EUR-GBP-USD.json"), StandardCharsets.UTF_8)))
        .isInstanceOf(ApiException.class)
        .hasMessage("malformed response: asked for base USD, got EUR");
  }

  @Test
  void refusesWhatIsNotItsArrayOfRows() {
    assertThat(malformed("")).isEqualTo("malformed response: empty body");
    assertThat(malformed("<html><body>502 Bad Gateway</body></html>")).startsWith("malformed response: not JSON");
    assertThat(malformed("{\"base\":\"USD\",\"date\":\"2026-08-21\",\"rates\":{\"GBP\":0.74}}")) // a v1 answer
        .isEqualTo("malformed response: expected a JSON array of rates");
    assertThat(malformed("[{\"base\":\"USD\",\"quote\":\"GBP\",\"rate\":0.74}]")).isEqualTo("malformed response: no \"date\"");
    assertThat(malformed("[{\"date\":\"2026-08-21\",\"base\":\"USD\",\"quote\":\"GBP\",\"rate\":\"0.74\"}]"))
        .isEqualTo("malformed response: rate of GBP is \"0.74\", not a positive number");
    assertThat(malformed("[{\"date\":\"2026-08-21\",\"base\":\"USD\",\"quote\":\"GBP\",\"rate\":0}]"))
        .isEqualTo("malformed response: rate of GBP is 0, not a positive number");
    assertThat(malformed("[{\"date\":\"2999-01-01\",\"base\":\"USD\",\"quote\":\"GBP\",\"rate\":0.74}]"))
        .isEqualTo("malformed response: date 2999-01-01 is in the future");
    assertThat(malformed("[\"GBP\"]")).isEqualTo("malformed response: a rate that is not a {date, base, quote, rate} object");
  }

  private String malformed(String body) {
    return ProviderHttp.refusal(provider(), "USD", List.of("GBP"), body);
  }

  @Test
  void anEmptyArrayMeansItHasNoRatesForTheBase() {
    assertThatThrownBy(() -> provider().read("XAF", List.of("EUR"), "[]".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("frankfurter-v2 answered no rates for XAF");
  }

  @Test
  void explainsItsErrors() {
    byte[] notFound = "{\"message\":\"not found\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(provider().explain(404, notFound, "XYZ", List.of("EUR"), LocalDate.of(2024, 1, 15)))
        .isEqualTo("no rates for XYZ on 2024-01-15: an unknown currency, or a day without data (HTTP 404: not found)");
    assertThat(new FrankfurterV2(server.url("/v1"), "t").explain(404, notFound, "USD", List.of("EUR"), null))
        .contains("a Frankfurter v2 URL? (they end in /v2)");
    assertThat(provider().explain(422, "{\"message\":\"invalid date\"}".getBytes(StandardCharsets.UTF_8), "USD", List.of("EUR"), LocalDate.of(1990, 1, 1)))
        .isEqualTo("date 1990-01-01 refused by the server (HTTP 422: invalid date)");
    assertThat(provider().explain(403, "<html>denied</html>".getBytes(StandardCharsets.UTF_8), "USD", List.of("EUR"), null))
        .isEqualTo("HTTP 403");
  }

  @Test
  void readsItsCurrencies() throws Exception {
    server.enqueue(answer(200, fixture("frankfurter-v2-currencies.json")));

    Map<String, String> names = provider().readCurrencies(body(provider().currenciesRequest()));

    assertThat(names).containsExactly(Map.entry("EUR", "Euro"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/currencies");
  }

  @Test
  void theEngineFetchesARowThroughIt() throws Exception {
    server.enqueue(answer(200, fixture("frankfurter-v2-rates-USD-THB.json")));

    Outcome outcome =
        ProviderHttp.fetch(List.of(new Endpoint(FrankfurterV2.NAME, List.of(server.url("/v2").toString()))), null,
                new Job(0, "USD", List.of("THB")))
            .getFirst();

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Fetched.class, fetched -> {
      assertThat(fetched.rates().provider()).isEqualTo("frankfurter-v2");
      assertThat(fetched.rates().rate("THB")).hasValueSatisfying(rate -> assertThat(rate).hasToString("32.8152"));
    });
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/rates?base=USD&quotes=THB,EUR");
  }
}
