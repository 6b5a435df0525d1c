package dev.fxmatrix.demo;

import dev.fxmatrix.api.RubyFloat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frankfurter's v1 API over an {@link EcbHistory}, reimplemented from its source
 * (github.com/lineofflight/frankfurter: lib/app.rb, lib/versions/v1.rb, lib/versions/v1/query.rb,
 * lib/versions/v1/quote/*.rb, lib/rate.rb, lib/no_store_on_error.rb; the CORS middleware is
 * {@link Cors}). "Today" is the newest day in the data: the bundled history ends there.
 *
 * <ul>
 *   <li>{@code /v1/latest} and {@code /v1/current}: today's rates, i.e. the newest day's.
 *   <li>{@code /v1/YYYY-MM-DD}: that day, or the last publication at most 14 days before it.
 *   <li>{@code /v1/YYYY-MM-DD..YYYY-MM-DD} and {@code /v1/YYYY-MM-DD..}: every publication from the
 *       last one on or before the start to the end (today when left out); 404 if the start is after
 *       today.
 *   <li>{@code /v1/currencies}; the index documents {@code /}, {@code /v1} and {@code
 *       /v1/openapi.json}.
 * </ul>
 *
 * Parameters: {@code from} or {@code base}, {@code to} or {@code symbols} (upper-cased, split at
 * commas, not trimmed), {@code amount} (Ruby's {@code to_f}, must be positive). Like Roda's {@code
 * r.is}, the rate routes answer every method alike.
 */
final class FrankfurterV1 implements DialectRoutes {
  private static final Pattern LATEST = Pattern.compile("/(?:latest|current)");
  private static final Pattern DATE = Pattern.compile("/(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern SERIES = Pattern.compile("/(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})?");
  private static final String OPENAPI_RESOURCE = "openapi-v1.json";

  private final EcbHistory history;
  private final String openApi;

  FrankfurterV1(EcbHistory history) {
    this.history = history;
    this.openApi = resource(OPENAPI_RESOURCE);
  }

  @Override
  public ApiResponse answer(ApiRequest request) {
    return Cors.around(request, () -> route(request));
  }

  private ApiResponse route(ApiRequest request) {
    String path = request.path();
    if (path.equals("/")) {
      // Roda's r.root: GET only
      return request.method().equals("GET") ? v1Json(200, index()).with("Cache-Control", Caching.PUBLIC_DAY) : notFound();
    }
    if (path.equals("/v1/openapi.json")) {
      return openApi(request);
    }
    if (path.equals("/v1") || path.equals("/v1/") && request.method().equals("GET")) {
      return v1Json(200, v1Index()).with("Cache-Control", Caching.PUBLIC_DAY);
    }
    if (!path.startsWith("/v1/")) {
      return notFound();
    }
    String rest = path.substring("/v1".length());
    try {
      Matcher m;
      if (LATEST.matcher(rest).matches()) {
        return endOfDay(request, today().toString());
      } else if ((m = DATE.matcher(rest)).matches()) {
        return endOfDay(request, m.group(1));
      } else if ((m = SERIES.matcher(rest)).matches()) {
        return series(request, m.group(1), m.group(2) == null ? today().toString() : m.group(2));
      } else if (rest.equals("/currencies")) {
        return currencies(request);
      }
      return notFound();
    } catch (InvalidQuery | RubyFloat.RubyError | IllegalArgumentException e) {
      // Roda's error_handler: every error raised while answering is a 422 with its message.
      return v1Error(422, e.getMessage());
    }
  }

  private LocalDate today() {
    return history.newest().date();
  }

  private ApiResponse endOfDay(ApiRequest request, String dateText) {
    Query query = Query.of(request, List.of(dateText));
    List<EcbDay> days = history.dayFor(query.first()).stream().toList();
    SequencedMap<LocalDate, Map<String, FrankfurterV1Rates.Value>> result =
        FrankfurterV1Rates.of(days, query.base(), query.symbols(), query.amount());
    if (result.isEmpty()) {
      return v1Error(404, "not found");
    }
    LocalDate date = result.firstEntry().getKey();
    return ok(
        request,
        date.toString(),
        () ->
            Json.object()
                .raw("amount", RubyFloat.ojText(query.amount()))
                .string("base", query.base())
                .string("date", date.toString())
                .raw("rates", rates(result.firstEntry().getValue()))
                .toString());
  }

  private ApiResponse series(ApiRequest request, String firstText, String lastText) {
    Query query = Query.of(request, List.of(firstText, lastText));
    List<EcbDay> days = List.of();
    if (!query.first().isAfter(today())) {
      LocalDate nearest = history.lastOnOrBefore(query.first()).map(EcbDay::date).orElse(query.first());
      days = history.between(nearest, query.last());
    }
    SequencedMap<LocalDate, Map<String, FrankfurterV1Rates.Value>> result =
        FrankfurterV1Rates.of(days, query.base(), query.symbols(), query.amount());
    if (result.isEmpty()) {
      return v1Error(404, "not found");
    }
    String endDate = result.lastEntry().getKey().toString();
    return ok(
        request,
        endDate,
        () -> {
          Json byDate = Json.object();
          result.forEach((date, rates) -> byDate.raw(date.toString(), rates(rates)));
          return Json.object()
              .raw("amount", RubyFloat.ojText(query.amount()))
              .string("base", query.base())
              .string("start_date", result.firstEntry().getKey().toString())
              .string("end_date", endDate)
              .raw("rates", byDate.toString())
              .toString();
        });
  }

  private ApiResponse currencies(ApiRequest request) {
    EcbDay newest = history.newest();
    SortedMap<String, String> names = new TreeMap<>();
    names.put(EcbDay.EUR, CurrencyTable.name(EcbDay.EUR));
    newest.perEuro().keySet().forEach(code -> names.put(code, CurrencyTable.name(code)));
    return ok(
        request,
        newest.date().toString(),
        () -> {
          Json json = Json.object();
          names.forEach(json::string);
          return json.toString();
        });
  }

  /** 200 tagged with the MD5 of {@code tagged}, or the answer to a conditional request for it. */
  private static ApiResponse ok(ApiRequest request, String tagged, java.util.function.Supplier<String> body) {
    String etag = Caching.etag(tagged);
    return Caching.conditional(request, etag)
        .orElseGet(() -> v1Json(200, body.get()).with("Cache-Control", Caching.PUBLIC_DAY).with("ETag", etag));
  }

  private static String rates(Map<String, FrankfurterV1Rates.Value> rates) {
    Json json = Json.object();
    rates.forEach((code, value) -> json.raw(code, value.json()));
    return json.toString();
  }

  // Rack::Static for the file public/v1/openapi.json: GET and HEAD, OPTIONS lists them, Last-Modified
  // with If-Modified-Since compared as a string.
  private ApiResponse openApi(ApiRequest request) {
    String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(today().atStartOfDay(ZoneOffset.UTC));
    return switch (request.method()) {
      case "GET", "HEAD" -> {
        ApiResponse answer =
            lastModified.equals(request.header("If-Modified-Since"))
                ? ApiResponse.empty(304)
                : ApiResponse.of(200, ApiResponse.JSON, openApi).with("Last-Modified", lastModified);
        yield answer.with("Cache-Control", Caching.PUBLIC_DAY);
      }
      case "OPTIONS" -> ApiResponse.empty(200).with("Allow", "GET, HEAD, OPTIONS").with("Cache-Control", Caching.PUBLIC_DAY);
      default -> ApiResponse.error(405, "method not allowed").with("Allow", "GET, HEAD, OPTIONS");
    };
  }

  private String index() {
    return Json.object()
        .string("name", "fxmatrix serve")
        .string("description", "Frankfurter-compatible API over the ECB reference rates bundled with fxmatrix, "
            + "up to " + today())
        .raw("versions", Json.object()
            .raw("v1", Json.object()
                .string("path", "/v1")
                .string("openapi", "/v1/openapi.json")
                .string("status", "frozen")
                .toString())
            .toString())
        .string("docs", "https://frankfurter.dev/v1/")
        .string("source", "https://www.ecb.europa.eu/stats/eurofxref/")
        .toString();
  }

  private static String v1Index() {
    return Json.object()
        .string("version", "v1")
        .string("status", "deprecated")
        .string("openapi", "/v1/openapi.json")
        .string("docs", "https://frankfurter.dev/v1/")
        .toString();
  }

  /** The app's 404 for a path nothing routes: {@code {"status":404,"message":"not found"}}. */
  private static ApiResponse notFound() {
    return ApiResponse.error(404, "not found");
  }

  /** The v1 handler's errors: {@code {"message":"..."}}, never cached. */
  private static ApiResponse v1Error(int status, String message) {
    return v1Json(status, Json.message(message)).with("Cache-Control", ApiResponse.NO_STORE);
  }

  private static ApiResponse v1Json(int status, String body) {
    return ApiResponse.of(status, ApiResponse.JSON_UTF8, body);
  }

  private static String resource(String name) {
    try (InputStream in = FrankfurterV1.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class InvalidQuery extends RuntimeException {
    InvalidQuery(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The parameters, read in Frankfurter's order (lib/versions/v1/query.rb): amount, base, the
   * date(s), symbols, then the pair check. {@code base} is null when none was given.
   */
  private record Query(double amount, String givenBase, LocalDate first, LocalDate last, List<String> symbols) {
    static Query of(ApiRequest request, List<String> dates) {
      QueryParams params = QueryParams.parse(request.rawQuery());
      double amount = 1.0;
      String amountText = params.first("amount").orElse(null);
      if (amountText != null) {
        amount = RubyFloat.toF(amountText);
        if (!(amount > 0)) {
          throw new InvalidQuery("invalid amount");
        }
      }
      String base = params.first("from", "base").map(text -> text.toUpperCase(Locale.ROOT)).orElse(null);
      LocalDate first = isoDate(dates.get(0));
      LocalDate last = dates.size() > 1 ? isoDate(dates.get(1)) : first;
      List<String> symbols = params.first("to", "symbols").map(Query::split).orElse(null);
      if (symbols != null && base != null && symbols.equals(List.of(base))) {
        throw new InvalidQuery("bad currency pair");
      }
      return new Query(amount, base, first, last, symbols);
    }

    String base() {
      return givenBase == null ? EcbDay.EUR : givenBase;
    }

    /** Ruby's {@code upcase.split(",")}: no trimming, trailing empty parts dropped, "" gives none. */
    private static List<String> split(String text) {
      String upper = text.toUpperCase(Locale.ROOT);
      return upper.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(upper.split(",")));
    }

    private static LocalDate isoDate(String text) {
      try {
        return LocalDate.of(
            Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
      } catch (DateTimeException e) {
        throw new InvalidQuery("invalid date");
      }
    }
  }
}
