package dev.fxmatrix.api;

import java.util.List;
import okhttp3.HttpUrl;

/** The providers fxmatrix speaks, by their command-line names, and where each lives by default. */
public final class Providers {
  /** In the order {@code --help} and the README list them. */
  public static final List<String> NAMES =
      List.of(FrankfurterV1.NAME, FrankfurterV2.NAME, OpenErApi.NAME, CurrencyApi.NAME, Ecb.NAME);

  /** Every code the ECB ever published but EUR: what a provider serving all bases from one EUR table is asked for. */
  public static final List<String> EVERY_CODE_BUT_EUR =
      FrankfurterV1.ECB_CODES.stream().filter(code -> !code.equals("EUR")).sorted().toList();

  private Providers() {}

  /** Where {@code name} lives unless told otherwise: for currency-api, two URL templates, the fallback host second. */
  public static List<String> defaultUrls(String name) {
    return switch (name) {
      case FrankfurterV1.NAME -> List.of(FrankfurterV1.DEFAULT_URL);
      case FrankfurterV2.NAME -> List.of(FrankfurterV2.DEFAULT_URL);
      case OpenErApi.NAME -> List.of(OpenErApi.DEFAULT_URL);
      case CurrencyApi.NAME -> CurrencyApi.DEFAULT_URLS;
      case Ecb.NAME -> List.of(Ecb.DEFAULT_URL);
      default -> throw new IllegalArgumentException("no provider " + name);
    };
  }

  /** Whether {@code code} (upper case) is an ISO 4217 currency code, current or former, as the JDK knows them. */
  public static boolean isIsoCode(String code) {
    return IsoCodes.isCode(code);
  }

  /**
   * What is wrong with {@code url} as the address of {@code provider} (null: the chain's first, of
   * which nothing is known yet), or null if nothing: it must be http(s), and a template with
   * {@code {date}} for currency-api, which alone takes one.
   */
  public static String checkUrl(String provider, String url) {
    boolean template = url.contains(CurrencyApi.DATE);
    if (CurrencyApi.NAME.equals(provider) || (provider == null && template)) {
      return CurrencyApi.problem(url);
    }
    if (template) {
      return "only currency-api's URLs take " + CurrencyApi.DATE;
    }
    if (HttpUrl.parse(url) == null) {
      return "not an http(s) URL, like " + defaultUrls(provider == null ? FrankfurterV1.NAME : provider).getFirst();
    }
    return null;
  }

  /** The provider {@code endpoint} names, reached at its URLs, sending {@code userAgent}. */
  public static Provider create(Endpoint endpoint, String userAgent) {
    List<String> urls = endpoint.effectiveUrls();
    return switch (endpoint.provider()) {
      case FrankfurterV1.NAME -> new FrankfurterV1(HttpUrl.get(urls.getFirst()), userAgent);
      case FrankfurterV2.NAME -> new FrankfurterV2(HttpUrl.get(urls.getFirst()), userAgent);
      case OpenErApi.NAME -> new OpenErApi(HttpUrl.get(urls.getFirst()), userAgent);
      case CurrencyApi.NAME -> new CurrencyApi(urls, userAgent);
      case Ecb.NAME -> new Ecb(HttpUrl.get(urls.getFirst()), userAgent);
      default -> throw new IllegalArgumentException("no provider " + endpoint.provider());
    };
  }
}
