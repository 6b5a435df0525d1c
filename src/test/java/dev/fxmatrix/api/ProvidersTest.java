package dev.fxmatrix.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry the command line and the engine build providers from. */
class ProvidersTest {
  @Test
  void listsEveryProviderInTheOrderTheHelpShows() {
    assertThat(Providers.NAMES).containsExactly("frankfurter", "frankfurter-v2", "open-er-api", "currency-api", "ecb");
  }

  @Test
  void eachIsBuiltAtItsDefaultUrlUnderItsName() {
    for (String name : Providers.NAMES) {
      Provider provider = Providers.create(Endpoint.of(name), "fxmatrix/test");

      assertThat(provider.name()).isEqualTo(name);
      assertThat(provider.url()).isEqualTo(Providers.defaultUrls(name).getFirst());
      assertThat(Providers.defaultUrls(name)).allSatisfy(url -> assertThat(Providers.checkUrl(name, url)).isNull());
    }
    assertThat(Providers.defaultUrls("currency-api"))
        .containsExactly("https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@{date}/v1", "https://{date}.currency-api.pages.dev/v1");
    assertThat(Providers.create(Endpoint.of("open-er-api"), "t").servesDates()).isFalse();
    assertThat(Providers.create(Endpoint.of("open-er-api"), "t").carriesIsoCodesOnly()).isFalse();
    assertThat(Providers.create(Endpoint.of("currency-api"), "t").carriesIsoCodesOnly()).isTrue();
    assertThat(Providers.create(Endpoint.of("ecb"), "t").oneAnswerForAll()).isTrue();
  }

  @Test
  void anOverrideIsWhereRequestsStart() {
    assertThat(Providers.create(new Endpoint("frankfurter-v2", List.of("http://h/v2")), "t").request("USD", List.of("EUR"), null, 1).url())
        .hasToString("http://h/v2/rates?base=USD&quotes=EUR");
    assertThat(Providers.create(new Endpoint("open-er-api", List.of("http://h/v6")), "t").request("USD", List.of("EUR"), null, 1).url())
        .hasToString("http://h/v6/latest/USD");
    assertThat(Providers.create(new Endpoint("ecb", List.of("http://h/stats/eurofxref")), "t").request("EUR", List.of("USD"), null, 1).url())
        .hasToString("http://h/stats/eurofxref/eurofxref-daily.xml");
    assertThat(Providers.create(new Endpoint("currency-api", List.of("http://h/{date}/v1")), "t").request("USD", List.of("EUR"), null, 1).url())
        .hasToString("http://h/latest/v1/currencies/usd.json");
  }

  @Test
  void refusesOverridesThatCannotWork() {
    for (String name : Providers.NAMES) {
      String path = name.equals("currency-api") ? "/{date}/v1" : "/v1";
      assertThat(Providers.checkUrl(name, "ftp://h" + path)).as(name).contains("not an http(s) URL");
      assertThat(Providers.checkUrl(name, "h" + path)).as(name).contains("not an http(s) URL");
    }
    assertThat(Providers.checkUrl("ecb", "http://h/{date}/eurofxref")).isEqualTo("only currency-api's URLs take {date}");
    assertThat(Providers.checkUrl("currency-api", "http://h/v1")).startsWith("a currency-api URL needs {date}");
    assertThat(Providers.checkUrl("ecb", "ftp://h/stats")).isEqualTo("not an http(s) URL, like https://www.ecb.europa.eu/stats/eurofxref");
    assertThat(Providers.checkUrl(null, "http://h/v1")).isNull();
  }
}
