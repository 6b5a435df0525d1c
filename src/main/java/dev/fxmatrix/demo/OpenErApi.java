package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ExchangeRate-API's open access ({@code open.er-api.com}), from the newest ECB day: {@code GET
 * /v6/latest/B} gives every currency the ECB quotes that day, the base included as 1, rounded to 7
 * significant digits as the real one shows them ({@code "CAD":1.383268}, whole numbers without a
 * fraction). No symbol filter, no dates. Errors come, as from the real service, with HTTP 200:
 * {@code {"result":"error","error-type":"unsupported-code"}} for a code it does not have, {@code
 * malformed-request} for anything else below {@code /v6}.
 *
 * <p>The update times are the ECB's publication (16:00 Frankfurt time) of the newest day and the
 * next day's; the real service updates once a day too, shortly after midnight UTC.
 */
final class OpenErApi implements DialectRoutes {
  private static final Pattern LATEST = Pattern.compile("/v6/latest/([A-Za-z]{3})");
  private static final MathContext SHOWN = new MathContext(7, RoundingMode.HALF_EVEN);
  private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

  private final EcbHistory history;

  OpenErApi(EcbHistory history) {
    this.history = history;
  }

  @Override
  public ApiResponse answer(ApiRequest request) {
    if (!request.path().startsWith("/v6/")) {
      return ApiResponse.error(404, "not found");
    }
    Matcher latest = LATEST.matcher(request.path());
    if (!latest.matches()) {
      return error("malformed-request");
    }
    String base = latest.group(1).toUpperCase(Locale.ROOT);
    EcbDay day = history.newest();
    Optional<SortedMap<String, BigDecimal>> rates = CrossRates.perUnit(day, base);
    if (rates.isEmpty()) {
      return error("unsupported-code");
    }
    ZonedDateTime published = day.date().atTime(LocalTime.of(16, 0)).atZone(ZoneId.of("Europe/Berlin"));
    ZonedDateTime next = published.plusDays(1);
    Json ratesJson = Json.object().raw(base, "1");
    rates.get().forEach((code, rate) -> {
      if (!code.equals(base)) {
        ratesJson.raw(code, rate.round(SHOWN).stripTrailingZeros().toPlainString());
      }
    });
    String body =
        Json.object()
            .string("result", "success")
            .string("provider", "https://www.exchangerate-api.com")
            .string("documentation", "https://www.exchangerate-api.com/docs/free")
            .string("terms_of_use", "https://www.exchangerate-api.com/terms")
            .raw("time_last_update_unix", String.valueOf(published.toEpochSecond()))
            .string("time_last_update_utc", UTC_TEXT.format(published.withZoneSameInstant(ZoneId.of("UTC"))))
            .raw("time_next_update_unix", String.valueOf(next.toEpochSecond()))
            .string("time_next_update_utc", UTC_TEXT.format(next.withZoneSameInstant(ZoneId.of("UTC"))))
            .raw("time_eol_unix", "0")
            .string("base_code", base)
            .raw("rates", ratesJson.toString())
            .toString();
    return ApiResponse.of(200, ApiResponse.JSON, body);
  }

  private static ApiResponse error(String type) {
    return ApiResponse.of(200, ApiResponse.JSON, Json.object().string("result", "error").string("error-type", type).toString());
  }

  @Override
  public ApiResponse tooManyRequests() {
    // The real 429 body is not documented; the status is what clients must act on.
    return ApiResponse.of(429, ApiResponse.JSON, Json.object().string("result", "error").string("error-type", "rate-limited").toString())
        .with("Retry-After", "1");
  }
}
