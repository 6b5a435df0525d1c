package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * ExchangeRate-API's keyless endpoint ({@code https://open.er-api.com/v6}): {@code GET {url}/latest/USD},
 * the base in the path, always the full table of ~160 currencies, the latest day only. Errors come
 * as {@code {"result":"error","error-type":...}}, with HTTP 200 too, so {@code result} is read
 * whatever the status.
 */
public final class OpenErApi extends UrlProvider {
  public static final String NAME = "open-er-api";
  public static final String DEFAULT_URL = "https://open.er-api.com/v6";
  /** Its terms ask for this line wherever its rates are shown. */
  static final String ATTRIBUTION = "Rates By Exchange Rate API (https://www.exchangerate-api.com)";
  /** "After 20 minutes the rate limit will finish", its documentation says of a 429. */
  static final Duration RATE_LIMIT = Duration.ofMinutes(20);

  public OpenErApi(HttpUrl url, String userAgent) {
    super(NAME, url, userAgent);
  }

  @Override
  public boolean servesDates() {
    return false;
  }

  /** It has a few codes of its own beside ISO 4217's (FOK, GGP, IMP, ...). */
  @Override
  public boolean carriesIsoCodesOnly() {
    return false;
  }

  /** {@code GET {url}/latest/USD}: no symbol filter, and no dates (the engine asks it for the latest only). */
  @Override
  public Request request(String base, List<String> symbols, LocalDate date, int attempt) {
    return latest(base);
  }

  private Request latest(String base) {
    return get(url.newBuilder().addPathSegment("latest").addPathSegment(base).build(), "application/json");
  }

  /** The base comes back among the rates as 1, and is dropped; the day is that of {@code time_last_update_unix}, in UTC. */
  @Override
  public RateTable read(String base, List<String> symbols, byte[] body) throws ApiException {
    JsonNode root = successful(Json.parse(body), base);
    Answers.sameBase(base, Answers.text(root, "base_code"));
    LocalDate date = updated(root.get("time_last_update_unix"));
    RequestedRates rates = new RequestedRates(base, symbols);
    for (Map.Entry<String, JsonNode> entry : rates(root).properties()) {
      rates.offer(entry.getKey().toUpperCase(Locale.ROOT), entry.getValue());
    }
    return rates.table(date, NAME);
  }

  /** {@code root} if its {@code result} is {@code success}; its error, in words, if it is {@code error}. */
  private JsonNode successful(JsonNode root, String base) throws ApiException {
    Answers.object(root, "expected a JSON object");
    String result = Answers.text(root, "result");
    if (result.equals("error")) {
      throw new ApiException(error(root, base));
    }
    if (!result.equals("success")) {
      throw new ApiException("malformed response: result \"" + Json.printable(result) + "\"");
    }
    return root;
  }

  /** What an error answer's {@code error-type} means, for {@code base}'s request. */
  private String error(JsonNode root, String base) {
    JsonNode type = root.get("error-type");
    String said = type != null && type.isTextual() ? Json.printable(type.asText()) : "unnamed";
    return switch (said) {
      // Said for a base it does not have: the engine moves that base to the next provider at once.
      case "unsupported-code" -> NAME + " does not carry " + base;
      case "malformed-request" -> NAME + " refused the request as malformed (is " + url + " its /v6 API?)";
      default -> NAME + " answered error \"" + said + "\"";
    };
  }

  private static JsonNode rates(JsonNode root) throws ApiException {
    return Answers.object(root.get("rates"), "no \"rates\" object");
  }

  /** A unix time in seconds as its UTC day, which {@link Json#date} checks is not in the future. */
  private static LocalDate updated(JsonNode seconds) throws ApiException {
    if (seconds == null || !seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.asLong() <= 0) {
      throw new ApiException("malformed response: no \"time_last_update_unix\"");
    }
    return Json.date(LocalDate.ofInstant(Instant.ofEpochSecond(seconds.asLong()), ZoneOffset.UTC).toString());
  }

  @Override
  public String explain(int status, byte[] body, String base, List<String> symbols, LocalDate date) {
    try {
      JsonNode root = Json.parse(body);
      if (root.isObject() && root.path("result").asText().equals("error")) {
        return error(root, base) + " (HTTP " + status + ")";
      }
    } catch (ApiException notJson) {
      // an error page: said below
    }
    String said = Answers.said(body);
    if (status == 404 && !Answers.pathEndsWith(url, "v6")) {
      return "HTTP 404" + said + ": is " + url + " an open-er-api URL? (they end in /v6)";
    }
    return "HTTP " + status + said;
  }

  @Override
  public Optional<Duration> rateLimitWait() {
    return Optional.of(RATE_LIMIT);
  }

  @Override
  public Optional<String> attribution() {
    return Optional.of(ATTRIBUTION);
  }

  /** It has no list of currencies: one answer's keys are what it carries. */
  @Override
  public Request currenciesRequest() {
    return latest("USD");
  }

  /** The codes of one answer, named by the JDK (it gives no names). */
  @Override
  public SortedMap<String, String> readCurrencies(byte[] body) throws ApiException {
    JsonNode root = successful(Json.parse(body), "USD");
    SortedMap<String, String> names = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : rates(root).properties()) {
      String code = Json.printable(entry.getKey().toUpperCase(Locale.ROOT));
      names.put(code, IsoCodes.englishName(code));
    }
    return names;
  }
}
