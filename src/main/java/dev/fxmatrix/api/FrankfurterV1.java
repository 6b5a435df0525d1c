package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Frankfurter v1 ({@code https://api.frankfurter.dev/v1}), the default: the ECB's reference rates,
 * one base per request, {@code GET {url}/latest?base=USD&symbols=EUR,PLN} or {@code /YYYY-MM-DD}.
 */
public final class FrankfurterV1 extends UrlProvider {
  public static final String NAME = "frankfurter";
  public static final String DEFAULT_URL = "https://api.frankfurter.dev/v1";

  /**
   * Every code the ECB has published a reference rate for since 1999, and EUR: what Frankfurter v1
   * can know. A 404 for one of these is not "unknown currency".
   */
  static final Set<String> ECB_CODES =
      Set.of(
          "EUR", "USD", "JPY", "BGN", "CYP", "CZK", "DKK", "EEK", "GBP", "HUF", "LTL", "LVL", "MTL", "PLN", "ROL",
          "RON", "SEK", "SIT", "SKK", "CHF", "ISK", "NOK", "HRK", "RUB", "TRL", "TRY", "AUD", "BRL", "CAD", "CNY",
          "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD", "THB", "ZAR");

  public FrankfurterV1(HttpUrl url, String userAgent) {
    super(NAME, url, userAgent);
  }

  @Override
  public boolean servesDates() {
    return true;
  }

  /**
   * {@code GET {url}/latest?base=USD&symbols=EUR,PLN} (or {@code /2019-04-09}). Never the base among
   * the symbols (Frankfurter answers 422 to {@code base=USD&symbols=USD}); and always one code it
   * surely has (EUR, or USD for EUR), so that symbols it does not know cost only their cells: with
   * none known it would answer 404 for the whole row.
   */
  @Override
  public Request request(String base, List<String> symbols, LocalDate date, int attempt) {
    HttpUrl request =
        url.newBuilder()
            .addPathSegment(date == null ? "latest" : date.toString())
            .addQueryParameter("base", base)
            // Codes are three letters, so the commas can go unescaped, as the API documents them.
            .addEncodedQueryParameter("symbols", withSentinel(base, symbols))
            .build();
    return get(request, "application/json");
  }

  /**
   * {@code symbols} and one code Frankfurter surely has (EUR, or USD for the EUR base), comma
   * separated: so that codes it does not know cost only their cells (v1 answers 404 for a list of
   * only unknown codes; v2 does not document it).
   */
  static String withSentinel(String base, List<String> symbols) {
    String sentinel = base.equals("EUR") ? "USD" : "EUR";
    return String.join(",", symbols) + (symbols.contains(sentinel) ? "" : "," + sentinel);
  }

  @Override
  public RateTable read(String base, List<String> symbols, byte[] body) throws ApiException {
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw new ApiException("malformed response: expected a JSON object");
    }
    JsonNode answeredBase = root.get("base");
    if (answeredBase == null || !answeredBase.isTextual()) {
      throw new ApiException("malformed response: no \"base\"");
    }
    if (!answeredBase.asText().equalsIgnoreCase(base)) {
      throw new ApiException("malformed response: asked for base " + base + ", got " + Json.printable(answeredBase.asText()));
    }
    // We never ask for an amount, so the answer is for 1; rates for 100 would be 100 times too big.
    JsonNode amount = root.get("amount");
    if (amount != null && !(amount.isNumber() && amount.decimalValue().compareTo(BigDecimal.ONE) == 0)) {
      String shown = amount.isNumber() ? amount.decimalValue().toPlainString() : amount.toString();
      throw new ApiException("malformed response: rates for an amount of " + Json.printable(shown) + ", not 1");
    }
    LocalDate date = Json.date(root.get("date"));
    JsonNode rates = root.get("rates");
    if (rates == null || !rates.isObject()) {
      throw new ApiException("malformed response: no \"rates\" object");
    }
    Map<String, BigDecimal> kept = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : rates.properties()) {
      BigDecimal rate = Json.rate(entry.getKey(), entry.getValue()); // checked even if not kept
      String code = entry.getKey().toUpperCase(Locale.ROOT);
      if (symbols.contains(code)) {
        kept.put(code, rate);
      }
    }
    return new RateTable(base, date, kept, NAME);
  }

  @Override
  public String explain(int status, byte[] body, String base, List<String> symbols, LocalDate date) {
    Optional<String> message = Json.message(body);
    String said = message.map(m -> ": " + m).orElse("");
    if (status == 404 && message.isEmpty()) {
      // Every unknown path of a Frankfurter API answers {"message":"not found"}: without it, the
      // URL most likely points elsewhere, and calling every base an unknown currency would mislead.
      return "HTTP 404 (not a Frankfurter answer: check the API URL)";
    }
    if (status == 404) {
      // With a code it surely has among the symbols, a 404 is about the base, or the date.
      if (!ECB_CODES.contains(base)) {
        return "unknown currency " + base + " (HTTP 404" + said + ")";
      }
      if (!url.encodedPath().endsWith("/v1") && !url.encodedPath().endsWith("/v1/")) {
        return "HTTP 404" + said + ": is " + url + " a Frankfurter v1 URL? (they end in /v1)";
      }
      return (date == null ? "no latest rates for " + base : "no rates for " + base + " on " + date)
          + " (HTTP 404" + said + ")";
    }
    if (status == 422 && message.isPresent()) {
      String about = message.get().toLowerCase(Locale.ROOT);
      if (about.contains("date")) {
        return (date == null ? "the latest date" : "date " + date) + " refused by the server (HTTP 422" + said + ")";
      }
      if (about.contains("currenc") || about.contains("symbol") || about.contains("base")) {
        return "unknown currency " + base + " (HTTP 422" + said + ")";
      }
    }
    return "HTTP " + status + said;
  }

  /** Frankfurter v1 serves the ECB's rates: new ones come with the ECB's next publication. */
  @Override
  public Optional<Instant> staleFrom(RateTable answer, LocalDate asked) {
    return EcbCalendar.staleFrom(answer.date(), asked);
  }

  @Override
  public Request currenciesRequest() {
    return get(url.newBuilder().addPathSegment("currencies").build(), "application/json");
  }

  @Override
  public SortedMap<String, String> readCurrencies(byte[] body) throws ApiException {
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw new ApiException("malformed response: expected a JSON object of codes and names");
    }
    SortedMap<String, String> names = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      names.put(entry.getKey().toUpperCase(Locale.ROOT), Json.printable(entry.getValue().asText()));
    }
    return names;
  }
}
