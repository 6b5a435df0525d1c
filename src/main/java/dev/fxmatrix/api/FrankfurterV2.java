package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Frankfurter v2 ({@code https://api.frankfurter.dev/v2}): rates blended from many central banks,
 * so many more currencies than v1, one base per request: {@code GET {url}/rates?base=USD&quotes=EUR,PLN}
 * answered by an array of {@code {date, base, quote, rate}} rows.
 */
public final class FrankfurterV2 extends UrlProvider {
  public static final String NAME = "frankfurter-v2";
  public static final String DEFAULT_URL = "https://api.frankfurter.dev/v2";

  public FrankfurterV2(HttpUrl url, String userAgent) {
    super(NAME, url, userAgent);
  }

  @Override
  public boolean servesDates() {
    return true;
  }

  /**
   * {@code GET {url}/rates?base=USD&quotes=EUR,PLN[&date=2024-01-15]}: the list is {@code quotes}
   * (v2 answers 422 to {@code symbols}), the date a parameter (v2 has no {@code /latest} path). As
   * with v1, one code it surely has (EUR, or USD for EUR) goes along: what v2 does with a list of
   * only unknown codes is not documented, and this way such a row still gets its date and its
   * known cells, for the price of one row more in the answer.
   */
  @Override
  public Request request(String base, List<String> symbols, LocalDate date, int attempt) {
    HttpUrl.Builder request =
        url.newBuilder()
            .addPathSegment("rates")
            .addQueryParameter("base", base)
            // Three-letter codes: the commas go unescaped, as the API documents them.
            .addEncodedQueryParameter("quotes", FrankfurterV1.withSentinel(base, symbols));
    if (date != null) {
      request.addQueryParameter("date", date.toString());
    }
    return get(request.build(), "application/json");
  }

  /**
   * Every row must be for the asked base (another is some other request's answer); rows of quotes
   * not asked for (the sentinel, the base's own 1.0) are checked, then dropped. Blending sources
   * that publish on different days, v2 dates each row: the table takes the newest, the day the
   * answer is as of.
   */
  @Override
  public RateTable read(String base, List<String> symbols, byte[] body) throws ApiException {
    JsonNode root = Json.parse(body);
    if (!root.isArray()) {
      throw new ApiException("malformed response: expected a JSON array of rates");
    }
    if (root.isEmpty()) {
      throw new ApiException(NAME + " answered no rates for " + base);
    }
    RequestedRates rates = new RequestedRates(base, symbols);
    LocalDate newest = null;
    for (JsonNode row : root) {
      Answers.object(row, "a rate that is not a {date, base, quote, rate} object");
      Answers.sameBase(base, Answers.text(row, "base"));
      LocalDate date = Json.date(row.get("date"));
      rates.offer(Answers.text(row, "quote").toUpperCase(Locale.ROOT), row.get("rate"));
      newest = newest == null || date.isAfter(newest) ? date : newest;
    }
    return rates.table(newest, NAME);
  }

  @Override
  public String explain(int status, byte[] body, String base, List<String> symbols, LocalDate date) {
    String said = Answers.said(body);
    String day = date == null ? "" : " on " + date;
    if (status == 404 && !Answers.pathEndsWith(url, "v2")) {
      return "HTTP 404" + said + ": is " + url + " a Frankfurter v2 URL? (they end in /v2)";
    }
    if (status == 404) {
      // With a quote it surely has among the asked ones, a 404 is about the base or the day.
      return "no rates for " + base + day + ": an unknown currency, or a day without data (HTTP 404" + said + ")";
    }
    if (status == 422) {
      String about = said.toLowerCase(Locale.ROOT);
      if (about.contains("date")) {
        return (date == null ? "the latest date" : "date " + date) + " refused by the server (HTTP 422" + said + ")";
      }
      if (about.contains("currenc") || about.contains("base") || about.contains("quote")) {
        return "unknown currency " + base + " (HTTP 422" + said + ")";
      }
    }
    return "HTTP " + status + said;
  }

  @Override
  public Request currenciesRequest() {
    return get(url.newBuilder().addPathSegment("currencies").build(), "application/json");
  }

  /** {@code [{"iso_code":"EUR","name":"Euro",...},...]}. */
  @Override
  public SortedMap<String, String> readCurrencies(byte[] body) throws ApiException {
    JsonNode root = Json.parse(body);
    if (!root.isArray()) {
      throw new ApiException("malformed response: expected a JSON array of currencies");
    }
    SortedMap<String, String> names = new TreeMap<>();
    for (JsonNode currency : root) {
      Answers.object(currency, "a currency that is not an {iso_code, name} object");
      String code = Json.printable(Answers.text(currency, "iso_code").toUpperCase(Locale.ROOT));
      names.put(code, Json.printable(Answers.text(currency, "name")));
    }
    return names;
  }
}
