package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The routes of Frankfurter's v1 API over an {@link EcbHistory}, as a plain function from request to
 * {@link ApiResponse} (no HTTP, no delays or injected faults: {@link FxApiServer} adds those).
 *
 * <ul>
 *   <li>{@code /v1/latest}: the newest day in the data (the data is fixed, so not "today").
 *   <li>{@code /v1/YYYY-MM-DD}: that day, or the last publication at most 14 days earlier; a date
 *       after the newest day is answered with the newest day while within 14 days of it, else 404.
 *   <li>{@code /v1/currencies}: names of the currencies quoted on the newest day, plus EUR.
 * </ul>
 *
 * Parameters: {@code from}/{@code base} (default EUR), {@code to}/{@code symbols} (comma list),
 * {@code amount}; names of currencies are case-insensitive. Time series ({@code /v1/A..B}) are not
 * served (404).
 */
final class FrankfurterRoutes {
  private static final String PREFIX = "/v1/";
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  // Digits and dashes but not an ISO date ("2026-4-1"): answered as an invalid date, not as an
  // unknown path, so a client's date bug is named as such.
  private static final Pattern DATE_ISH = Pattern.compile("\\d[\\d-]*");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

  private final EcbHistory history;

  FrankfurterRoutes(EcbHistory history) {
    this.history = history;
  }

  ApiResponse answer(String method, String path, String rawQuery, String ifNoneMatch) {
    if (!path.startsWith(PREFIX)) {
      return ApiResponse.notFound();
    }
    String resource = path.substring(PREFIX.length());
    boolean known =
        resource.equals("latest") || resource.equals("currencies") || DATE_ISH.matcher(resource).matches();
    if (!known) {
      return ApiResponse.notFound();
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return ApiResponse.error(405, "method not allowed", Map.of("Allow", "GET, HEAD"));
    }
    if (resource.equals("currencies")) {
      return currencies(ifNoneMatch);
    }
    return quote(resource, QueryParams.parse(rawQuery), ifNoneMatch);
  }

  private ApiResponse currencies(String ifNoneMatch) {
    EcbDay newest = history.newest();
    String etag = etag(newest.date());
    if (matches(ifNoneMatch, etag)) {
      return ApiResponse.notModified(etag);
    }
    SortedMap<String, String> names = new TreeMap<>();
    names.put(EcbDay.EUR, CurrencyNames.of(EcbDay.EUR));
    newest.perEuro().keySet().forEach(code -> names.put(code, CurrencyNames.of(code)));
    return ApiResponse.ok(Json.names(names), etag);
  }

  // Checks in Frankfurter's order: amount, then date, then the currency pair.
  private ApiResponse quote(String resource, QueryParams params, String ifNoneMatch) {
    Optional<BigDecimal> amount = amount(params);
    if (amount.isEmpty()) {
      return ApiResponse.error(422, "invalid amount");
    }
    Optional<EcbDay> day;
    if (resource.equals("latest")) {
      day = Optional.of(history.newest());
    } else {
      Optional<LocalDate> date = isoDate(resource);
      if (date.isEmpty()) {
        return ApiResponse.error(422, "invalid date");
      }
      day = history.dayFor(date.get());
    }
    String base = params.first("from", "base").map(FrankfurterRoutes::code).orElse(EcbDay.EUR);
    Set<String> symbols = params.first("to", "symbols").map(FrankfurterRoutes::codes).orElse(null);
    if (symbols != null && symbols.equals(Set.of(base))) {
      return ApiResponse.error(422, "bad currency pair");
    }
    if (day.isEmpty()) {
      return ApiResponse.notFound();
    }
    Optional<SortedMap<String, BigDecimal>> rates;
    try {
      rates = CrossRates.of(day.get(), base, symbols, amount.get());
    } catch (ArithmeticException e) {
      return ApiResponse.error(422, "invalid amount");
    }
    if (rates.isEmpty()) {
      return ApiResponse.notFound();
    }
    // Like Frankfurter's: one tag per ECB day, whatever the base and symbols (caches key by URL).
    String etag = etag(day.get().date());
    if (matches(ifNoneMatch, etag)) {
      return ApiResponse.notModified(etag);
    }
    return ApiResponse.ok(Json.quote(amount.get(), base, day.get().date(), rates.get()), etag);
  }

  /** 1.0 by default; empty when not a positive number (capped at 1e15, beyond any real amount). */
  private static Optional<BigDecimal> amount(QueryParams params) {
    Optional<String> text = params.first("amount");
    if (text.isEmpty()) {
      return Optional.of(RateRounding.asFloat(BigDecimal.ONE));
    }
    try {
      BigDecimal amount = new BigDecimal(text.get().strip());
      if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
        return Optional.empty();
      }
      return Optional.of(RateRounding.asFloat(amount));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> isoDate(String text) {
    if (!ISO_DATE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(text, 0, 4, 10),
              Integer.parseInt(text, 5, 7, 10),
              Integer.parseInt(text, 8, 10, 10)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String code(String text) {
    return text.strip().toUpperCase(Locale.ROOT);
  }

  private static Set<String> codes(String commaList) {
    List<String> codes =
        Arrays.stream(commaList.split(",")).map(FrankfurterRoutes::code).filter(c -> !c.isEmpty()).toList();
    return new LinkedHashSet<>(codes);
  }

  private static String etag(LocalDate date) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(date.toString().getBytes(StandardCharsets.US_ASCII));
      return '"' + HexFormat.of().formatHex(md5) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
