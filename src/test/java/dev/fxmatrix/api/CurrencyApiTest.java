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

/** fawazahmed0's currency-api over real HTTP, with the body recorded in the providers' notes. */
class CurrencyApiTest {
  @StartStop final MockWebServer server = new MockWebServer();

  String template(String prefix) {
    return server.url(prefix).toString() + "/{date}/v1";
  }

  CurrencyApi provider() {
    return new CurrencyApi(List.of(template("/cdn")), "fxmatrix/test");
  }

  @Test
  void asksForTheLowerCaseBasesFileOfTheDayOrLatest() throws Exception {
    server.enqueue(answer(200, fixture("currency-api-2024-03-06-eur.json")));
    server.enqueue(answer(200, fixture("currency-api-2024-03-06-eur.json")));

    body(provider().request("EUR", List.of("USD"), null, 1));
    body(provider().request("EUR", List.of("USD"), LocalDate.of(2024, 3, 6), 1));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/cdn/latest/v1/currencies/eur.json");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/cdn/2024-03-06/v1/currencies/eur.json");
  }

  @Test
  void alternatesBetweenTheCdnAndItsFallbackHost() {
    CurrencyApi provider = new CurrencyApi(CurrencyApi.DEFAULT_URLS, "fxmatrix/test");

    assertThat(provider.request("USD", List.of("EUR"), null, 1).url())
        .hasToString("https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/usd.json");
    assertThat(provider.request("USD", List.of("EUR"), LocalDate.of(2024, 3, 6), 2).url())
        .hasToString("https://2024-03-06.currency-api.pages.dev/v1/currencies/usd.json");
    assertThat(provider.request("USD", List.of("EUR"), null, 3).url().host()).isEqualTo("cdn.jsdelivr.net");
    assertThat(provider.url()).isEqualTo(CurrencyApi.DEFAULT_URLS.getFirst());
  }

  @Test
  void keepsTheAskedIsoCodesAsSentUpperCasedAndPassesOverJunkKeys() throws Exception {
    server.enqueue(answer(200, fixture("currency-api-2024-03-06-eur.json")));

    RateTable table =
        provider().read("EUR", List.of("JPY", "USD", "MYR", "GBP"), body(provider().request("EUR", List.of(), null, 1)));

    assertThat(table.base()).isEqualTo("EUR");
    assertThat(table.date()).isEqualTo(LocalDate.of(2024, 3, 6));
    assertThat(table.provider()).isEqualTo("currency-api");
    // "$myro", "00" and "1000sats" are no currencies; GBP is not in the recorded excerpt
    assertThat(table.rates()).containsOnlyKeys("JPY", "USD");
    assertThat(table.rates().get("USD")).hasToString("1.0850"); // its trailing zero kept
    assertThat(table.rates().get("JPY")).hasToString("162.72037656");
  }

  @Test
  void aCryptoTokenOrJunkKeyCannotCostTheRowWhateverItHolds() throws Exception {
    RateTable table =
        provider().read("USD", List.of("EUR", "BTC", "IDR"),
            ("{\"date\":\"2024-03-06\",\"usd\":{\"1inch\":\"n/a\",\"btc\":0,\"$myro\":null,\"usd\":1,\"eur\":0.92,\"idr\":15700}}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(table.rates()).containsOnlyKeys("EUR", "IDR"); // BTC is no ISO 4217 code
    assertThat(table.rates().get("IDR")).hasToString("15700");
  }

  @Test
  void refusesAnswersOfAnotherShape() {
    assertThat(malformed("")).isEqualTo("malformed response: empty body");
    assertThat(malformed("<!DOCTYPE html><html>Package size exceeded</html>")).startsWith("malformed response: not JSON");
    assertThat(malformed("{\"eur\":{\"usd\":1.08}}")).isEqualTo("malformed response: no \"date\"");
    assertThat(malformed("{\"date\":\"2024-03-06\",\"usd\":{\"usd\":1}}"))
        .isEqualTo("malformed response: no \"eur\" rates, asked for base EUR");
    assertThat(malformed("{\"date\":\"2024-03-06\",\"eur\":[1.08]}")).isEqualTo("malformed response: \"eur\" is not an object of rates");
    assertThat(malformed("{\"date\":\"2024-03-06\",\"eur\":{\"usd\":\"1.08\"}}"))
        .isEqualTo("malformed response: rate of USD is \"1.08\", not a positive number");
    assertThat(malformed("{\"date\":\"2024-03-06\",\"eur\":{\"usd\":-1.08}}"))
        .isEqualTo("malformed response: rate of USD is -1.08, not a positive number");
  }

  private String malformed(String body) {
    return ProviderHttp.refusal(provider(), "EUR", List.of("USD"), body);
  }

  @Test
  void explainsAMissingFileAsAnUnknownCodeOrADayWithoutASnapshot() {
    assertThat(provider().explain(404, "Couldn't find the requested file".getBytes(StandardCharsets.UTF_8), "XYZ", List.of("EUR"), null))
        .isEqualTo("unknown currency XYZ (HTTP 404: Couldn't find the requested file)");
    assertThat(provider().explain(404, new byte[0], "USD", List.of("EUR"), LocalDate.of(2020, 1, 1)))
        .isEqualTo("no rates for USD on 2020-01-01: an unknown currency, or a day without a snapshot (HTTP 404)");
    assertThat(provider().explain(403, "Package size exceeded the configured limit of 50 MB.\u001b[31m".getBytes(StandardCharsets.UTF_8), "USD", List.of("EUR"), null))
        .isEqualTo("HTTP 403: Package size exceeded the configured limit of 50 MB.\\u001b[31m");
  }

  @Test
  void readsItsIsoCurrencies() throws Exception {
    server.enqueue(answer(200, "{\"usd\":\"US Dollar\",\"btc\":\"Bitcoin\",\"1inch\":\"1inch Network\",\"eur\":\"Euro\",\"xof\":\"\"}"));

    var names = provider().readCurrencies(body(provider().currenciesRequest()));

    assertThat(names).containsExactly(Map.entry("EUR", "Euro"), Map.entry("USD", "US Dollar"), Map.entry("XOF", "XOF"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/cdn/latest/v1/currencies.json");
  }

  @Test
  void refusesAUrlThatCannotWork() {
    assertThat(Providers.checkUrl("currency-api", "http://h/{date}/v1")).isNull();
    assertThat(Providers.checkUrl("currency-api", "https://{date}.currency-api.pages.dev/v1")).isNull();
    assertThat(Providers.checkUrl(null, "https://{date}.currency-api.pages.dev/v1")).isNull(); // the chain's first, unknown yet
    assertThat(Providers.checkUrl("currency-api", "http://h/latest/v1")).contains("needs {date}");
    assertThat(Providers.checkUrl("currency-api", "ftp://h/{date}/v1")).contains("not an http(s) URL");
    assertThat(Providers.checkUrl("frankfurter", "http://h/{date}/v1")).isEqualTo("only currency-api's URLs take {date}");
    assertThatThrownBy(() -> new CurrencyApi(List.of("http://h/v1"), "t")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEngineSendsTheRetryToTheFallbackHost() throws Exception {
    server.enqueue(answer(503, "Service Unavailable"));
    server.enqueue(answer(200, fixture("currency-api-2024-03-06-eur.json")));
    Endpoint endpoint = new Endpoint(CurrencyApi.NAME, List.of(template("/cdn"), template("/pages")));

    Outcome outcome = ProviderHttp.fetch(List.of(endpoint), LocalDate.of(2024, 3, 6), new Job(0, "EUR", List.of("USD"))).getFirst();

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Fetched.class, fetched -> {
      assertThat(fetched.attempts()).isEqualTo(2);
      assertThat(fetched.rates().rate("USD")).hasValueSatisfying(rate -> assertThat(rate).hasToString("1.0850"));
    });
    assertThat(server.takeRequest().getTarget()).isEqualTo("/cdn/2024-03-06/v1/currencies/eur.json");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/pages/2024-03-06/v1/currencies/eur.json");
  }
}
