package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The Frankfurter v1 protocol: how to ask for one base's rates and how to read the answer. Knows
 * nothing of HTTP clients, retries or threads, so every fetch strategy shares it.
 */
public final class FrankfurterApi {
  public static final String DEFAULT_URL = "https://api.frankfurter.dev/v1";

  /** Bodies beyond this are not rate tables (a full answer for 30 currencies is under 1 KiB). */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /**
   * Built once, on first use: an ObjectReader is immutable and thread-safe, and building it is the
   * slow part. A holder class, so that parsing a URL or building a request does not pay for it.
   */
  private static final class Json {
    static final ObjectReader READER =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Keep the API's digits as sent: 1.10 stays 1.10 in CSV and JSON.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .reader();
  }

  private final HttpUrl baseUrl;
  private final String userAgent;

  public FrankfurterApi(HttpUrl baseUrl, String userAgent) {
    this.baseUrl = baseUrl;
    this.userAgent = userAgent;
  }

  /** Parses an API URL such as {@code https://api.frankfurter.dev/v1}; empty if it is not http(s). */
  public static Optional<HttpUrl> parseUrl(String url) {
    return Optional.ofNullable(HttpUrl.parse(url));
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public String userAgent() {
    return userAgent;
  }

  /**
   * {@code GET {api}/latest?base=USD&symbols=EUR,PLN} or {@code GET {api}/2019-04-09?...}. The base
   * must not be among {@code symbols}: Frankfurter answers 422 to {@code base=USD&symbols=USD}.
   */
  public Request request(String base, List<String> symbols, LocalDate date) {
    HttpUrl url =
        baseUrl
            .newBuilder()
            .addPathSegment(date == null ? "latest" : date.toString())
            .addQueryParameter("base", base)
            // Codes are three letters, so the commas can go unescaped, as the API documents them.
            .addEncodedQueryParameter("symbols", String.join(",", symbols))
            .build();
    return new Request.Builder()
        .url(url)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .build();
  }

  /** Reads a 200 answer for {@code base}; anything but the expected JSON is an {@link ApiException}. */
  public RateTable parseRates(String base, byte[] body) throws ApiException {
    JsonNode root = parseJson(body);
    if (!root.isObject()) {
      throw new ApiException("malformed response: expected a JSON object");
    }
    JsonNode answeredBase = root.get("base");
    if (answeredBase == null || !answeredBase.isTextual()) {
      throw new ApiException("malformed response: no \"base\"");
    }
    if (!answeredBase.asText().equalsIgnoreCase(base)) {
      throw new ApiException(
          "malformed response: asked for base " + base + ", got " + answeredBase.asText());
    }
    // We never ask for an amount, so the answer is for 1; rates for 100 would be 100 times too big.
    JsonNode amount = root.get("amount");
    if (amount != null && !(amount.isNumber() && amount.decimalValue().compareTo(BigDecimal.ONE) == 0)) {
      String shown = amount.isNumber() ? amount.decimalValue().toPlainString() : amount.toString();
      throw new ApiException("malformed response: rates for an amount of " + shown + ", not 1");
    }
    LocalDate date = parseDate(root.get("date"));
    JsonNode rates = root.get("rates");
    if (rates == null || !rates.isObject()) {
      throw new ApiException("malformed response: no \"rates\" object");
    }
    Map<String, BigDecimal> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : rates.properties()) {
      JsonNode value = entry.getValue();
      // Rates over 5000 arrive as JSON integers; anything that is not a positive number is wrong.
      if (!value.isNumber() || value.decimalValue().signum() <= 0) {
        throw new ApiException(
            "malformed response: rate of " + entry.getKey() + " is " + value + ", not a positive number");
      }
      parsed.put(entry.getKey().toUpperCase(Locale.ROOT), value.decimalValue());
    }
    return new RateTable(base, date, parsed);
  }

  /** The {@code message} of an error body such as {@code {"message":"not found"}}, if there is one. */
  public Optional<String> errorMessage(byte[] body) {
    try {
      JsonNode message = Json.READER.readTree(body).get("message");
      return message != null && message.isTextual() ? Optional.of(message.asText()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Parses one tiny document so the first real answer does not pay for Jackson's class loading. */
  public static void warmUp() {
    try {
      Json.READER.readTree("{\"base\":\"EUR\",\"date\":\"2019-04-09\",\"rates\":{\"USD\":1.1}}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parseJson(byte[] body) throws ApiException {
    try {
      JsonNode root = Json.READER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new ApiException("malformed response: empty body");
      }
      return root;
    } catch (IOException e) {
      throw new ApiException("malformed response: not JSON (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static LocalDate parseDate(JsonNode date) throws ApiException {
    if (date == null || !date.isTextual()) {
      throw new ApiException("malformed response: no \"date\"");
    }
    // By hand rather than LocalDate.parse: its formatter's first use costs a short run ~3 ms.
    String text = date.asText();
    try {
      if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      }
    } catch (DateTimeException | NumberFormatException e) {
      // the message below
    }
    throw new ApiException("malformed response: date \"" + text + "\" is not YYYY-MM-DD");
  }

  /** The ASCII digits {@code text[from, to)} as a number; NumberFormatException for anything else. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
