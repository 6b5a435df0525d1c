package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fawazahmed0's currency-api as its CDN serves the files ({@code /{latest|YYYY-MM-DD}/v1/...}):
 *
 * <ul>
 *   <li>{@code /currencies/{code}.json}, the code in lower case: {@code {"date":"D","{code}":{...}}}
 *       with lower-case keys, units per one of the base, to 8 decimals like the real files. Like
 *       the real ones they mix in non-ISO keys ({@code "$myro"}, {@code "00"}, {@code "1inch"},
 *       {@code "btc"}), so a client's filter is exercised.
 *   <li>{@code /currencies.json}: {@code {"usd":"US Dollar",...}}, the same keys.
 *   <li>A date is the snapshot of that day: the last ECB publication up to 14 days before, under the
 *       date asked for (the real files exist for every calendar day). Anything else, an upper-case
 *       code included, is the CDN's plain-text 404.
 * </ul>
 *
 * Caching as jsDelivr serves a version alias: {@code public, max-age=604800, s-maxage=43200}, a weak
 * ETag of the date.
 */
final class CurrencyApi implements DialectRoutes {
  private static final Pattern FILE = Pattern.compile("/(latest|\\d{4}-\\d{2}-\\d{2})/v1/currencies(?:/([^/]+))?\\.json");
  private static final String CACHE_CONTROL = "public, max-age=604800, s-maxage=43200";
  // Per US dollar, roughly: values only need to be positive numbers of other kinds than currencies.
  private static final Map<String, BigDecimal> JUNK =
      Map.of("$myro", new BigDecimal("3.31377025"), "00", new BigDecimal("9.77030512"),
          "1inch", new BigDecimal("2.86454129"), "btc", new BigDecimal("0.00001043"));
  private static final Map<String, String> JUNK_NAMES =
      Map.of("$myro", "Myro", "00", "00 Token", "1inch", "1inch Network", "btc", "Bitcoin");

  private final EcbHistory history;

  CurrencyApi(EcbHistory history) {
    this.history = history;
  }

  @Override
  public ApiResponse answer(ApiRequest request) {
    Matcher file = FILE.matcher(request.path());
    if (!file.matches()) {
      return notFound(request.path());
    }
    Optional<LocalDate> date = date(file.group(1));
    Optional<EcbDay> day = date.flatMap(d -> file.group(1).equals("latest") ? Optional.of(history.newest()) : history.dayFor(d));
    if (day.isEmpty()) {
      return notFound(request.path());
    }
    String shownDate = file.group(1).equals("latest") ? day.get().date().toString() : file.group(1);
    String etag = "W/" + Caching.etag(shownDate);
    Optional<ApiResponse> notModified = Caching.conditional(request, etag);
    if (notModified.isPresent()) {
      return notModified.get();
    }
    String body;
    if (file.group(2) == null) {
      body = names(day.get());
    } else {
      String code = file.group(2);
      Optional<SortedMap<String, BigDecimal>> rates =
          code.equals(code.toLowerCase(Locale.ROOT)) ? CrossRates.perUnit(day.get(), code.toUpperCase(Locale.ROOT)) : Optional.empty();
      if (rates.isEmpty()) {
        return notFound(request.path());
      }
      body = Json.object().string("date", shownDate).raw(code, rates(rates.get())).toString();
    }
    return ApiResponse.of(200, ApiResponse.JSON_UTF8, body).with("Cache-Control", CACHE_CONTROL).with("ETag", etag);
  }

  private static String rates(SortedMap<String, BigDecimal> perUnit) {
    BigDecimal usd = perUnit.getOrDefault("USD", BigDecimal.ONE);
    SortedMap<String, BigDecimal> all = new TreeMap<>();
    perUnit.forEach((code, rate) -> all.put(code.toLowerCase(Locale.ROOT), rate));
    JUNK.forEach((key, perUsd) -> all.put(key, perUsd.multiply(usd)));
    Json json = Json.object();
    all.forEach((key, rate) -> json.raw(key, shown(rate)));
    return json.toString();
  }

  private static String shown(BigDecimal rate) {
    BigDecimal rounded = rate.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.signum() == 0 ? rate.round(new MathContext(8)).toPlainString() : rounded.toPlainString();
  }

  private static String names(EcbDay day) {
    SortedMap<String, String> names = new TreeMap<>();
    names.put("eur", CurrencyTable.name(EcbDay.EUR));
    day.perEuro().keySet().forEach(code -> names.put(code.toLowerCase(Locale.ROOT), CurrencyTable.name(code)));
    names.putAll(JUNK_NAMES);
    Json json = Json.object();
    names.forEach(json::string);
    return json.toString();
  }

  private static Optional<LocalDate> date(String text) {
    if (text.equals("latest")) {
      return Optional.of(LocalDate.MAX);
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** jsDelivr's answer for a file the package lacks. */
  private static ApiResponse notFound(String path) {
    return ApiResponse.of(404, "text/plain; charset=utf-8", "Couldn't find the requested file " + path + " in @fawazahmed0/currency-api.")
        .with("Cache-Control", ApiResponse.NO_STORE);
  }
}
