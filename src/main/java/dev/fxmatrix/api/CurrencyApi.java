package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * fawazahmed0's currency-api: daily snapshots as static files on a CDN, {@code
 * {url}/currencies/usd.json} where the URL is a template with {@code {date}} for {@code latest} or
 * the day. Its project publishes a second host to fall back to, so retries alternate between the
 * templates given.
 */
public final class CurrencyApi implements Provider {
  public static final String NAME = "currency-api";
  /** Where {@code latest} or the day goes in a URL template. */
  public static final String DATE = "{date}";

  public static final List<String> DEFAULT_URLS =
      List.of("https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@{date}/v1", "https://{date}.currency-api.pages.dev/v1");

  private final List<String> templates;
  private final String userAgent;

  /** @param templates one or more URL templates with {@code {date}}, first the one to try first */
  public CurrencyApi(List<String> templates, String userAgent) {
    for (String template : templates) {
      String problem = problem(template);
      if (problem != null) {
        throw new IllegalArgumentException(template + ": " + problem);
      }
    }
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no URL template");
    }
    this.templates = List.copyOf(templates);
    this.userAgent = userAgent;
  }

  /** What is wrong with {@code template} as a currency-api URL, or null if nothing. */
  public static String problem(String template) {
    if (!template.contains(DATE)) {
      return "a currency-api URL needs " + DATE + " where latest or the day goes, like " + DEFAULT_URLS.getFirst();
    }
    if (HttpUrl.parse(template.replace(DATE, "latest")) == null || HttpUrl.parse(template.replace(DATE, "2024-03-06")) == null) {
      return "not an http(s) URL once " + DATE + " is filled in, like " + DEFAULT_URLS.getFirst();
    }
    return null;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String url() {
    return templates.getFirst();
  }

  @Override
  public boolean servesDates() {
    return true;
  }

  /**
   * {@code GET .../latest/v1/currencies/usd.json} (or the day in place of {@code latest}): odd
   * attempts to the first template, even ones to the second, so that a CDN refusing the package
   * costs one retry, not the row.
   */
  @Override
  public Request request(String base, List<String> symbols, LocalDate date, int attempt) {
    String template = templates.get(Math.floorMod(attempt - 1, templates.size()));
    HttpUrl request =
        root(template, date).newBuilder().addPathSegment("currencies").addPathSegment(base.toLowerCase(Locale.ROOT) + ".json").build();
    return Answers.get(request, userAgent, "application/json");
  }

  private static HttpUrl root(String template, LocalDate date) {
    return HttpUrl.get(template.replace(DATE, date == null ? "latest" : date.toString()));
  }

  /**
   * {@code {"date":"2024-03-06","usd":{"eur":0.92,"1inch":2.1,...}}}: the rates sit under the base's
   * lower-case code (under another, the answer is another base's). Only ISO 4217 codes are
   * currencies; crypto tokens and junk keys ({@code "$myro"}, {@code "00"}, {@code "1inch"}, {@code
   * "btc"}) are passed over unchecked, so one odd token cannot cost the row.
   */
  @Override
  public RateTable read(String base, List<String> symbols, byte[] body) throws ApiException {
    JsonNode root = Answers.object(Json.parse(body), "expected a JSON object");
    LocalDate date = Json.date(root.get("date"));
    String key = base.toLowerCase(Locale.ROOT);
    JsonNode table = root.get(key);
    if (table == null) {
      throw new ApiException("malformed response: no \"" + key + "\" rates, asked for base " + base);
    }
    Answers.object(table, "\"" + key + "\" is not an object of rates");
    RequestedRates rates = new RequestedRates(base, symbols);
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      String code = isoCode(entry.getKey());
      if (code != null) {
        rates.offer(code, entry.getValue());
      }
    }
    return rates.table(date, NAME);
  }

  /** A key of three lower-case ASCII letters naming an ISO 4217 currency, upper-cased; null for anything else. */
  private static String isoCode(String key) {
    if (key.length() != 3 || !key.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return null;
    }
    String code = key.toUpperCase(Locale.ROOT);
    return IsoCodes.isCode(code) ? code : null;
  }

  /** Files are per base and day: a 404 means no file for that base (an unknown code), or none for that day. */
  @Override
  public String explain(int status, byte[] body, String base, List<String> symbols, LocalDate date) {
    String said = Answers.said(body);
    if (status == 404) {
      return date == null
          ? "unknown currency " + base + " (HTTP 404" + said + ")"
          : "no rates for " + base + " on " + date + ": an unknown currency, or a day without a snapshot (HTTP 404" + said + ")";
    }
    return "HTTP " + status + said;
  }

  /** {@code .../latest/v1/currencies.json} on the first host. */
  @Override
  public Request currenciesRequest() {
    return Answers.get(root(templates.getFirst(), null).newBuilder().addPathSegment("currencies.json").build(), userAgent, "application/json");
  }

  /** {@code {"usd":"US Dollar","btc":"Bitcoin",...}}: the ISO codes, with their names (the code where it gives none). */
  @Override
  public SortedMap<String, String> readCurrencies(byte[] body) throws ApiException {
    JsonNode root = Answers.object(Json.parse(body), "expected a JSON object of codes and names");
    SortedMap<String, String> names = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String code = isoCode(entry.getKey());
      if (code != null) {
        String name = entry.getValue().isTextual() ? entry.getValue().asText().strip() : "";
        names.put(code, name.isEmpty() ? code : Json.printable(name));
      }
    }
    return names;
  }
}
