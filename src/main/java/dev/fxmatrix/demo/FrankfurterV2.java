package dev.fxmatrix.demo;

import dev.fxmatrix.api.RubyFloat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Frankfurter v2 over the ECB history alone, as {@code providers=ECB} answers (shapes from
 * github.com/lineofflight/frankfurter lib/versions/v2/query.rb and the notes in shared/):
 *
 * <ul>
 *   <li>{@code GET /v2/rates?base=B&quotes=X,Y} with {@code date=D}, or {@code from=D[&to=D]} for
 *       every day between: an array of {@code {date, base, quote, rate}} sorted by date and quote,
 *       the base's own row (1.0) included unless {@code quotes} leaves it out. Other parameters than
 *       base, quotes, date, from, to and providers (ECB only) are a 422.
 *   <li>{@code GET /v2/currencies}: {@code [{iso_code, iso_numeric, name, symbol, start_date,
 *       end_date}]}, the dates those of the ECB's first and last quote.
 *   <li>{@code /v2/latest} and everything else: 404.
 * </ul>
 *
 * Approximation: the real v2 blends many providers through a USD pivot; here a cross rate is
 * ECB(Q) / ECB(B) in doubles rounded in Frankfurter's bands as a Float (the EUR base keeps the ECB's
 * digits), which is what v2 shows for providers=ECB to the 4th or 5th significant digit.
 */
final class FrankfurterV2 implements DialectRoutes {
  private static final Set<String> PARAMETERS = Set.of("base", "quotes", "date", "from", "to", "providers");
  private static final String EXPLICIT = "public, max-age=86400, stale-while-revalidate=86400, stale-if-error=86400";

  private final EcbHistory history;
  private volatile String currencies; // computed once: it reads the whole file

  FrankfurterV2(EcbHistory history) {
    this.history = history;
  }

  @Override
  public ApiResponse answer(ApiRequest request) {
    return Cors.around(request, () -> switch (request.path()) {
      case "/v2/rates" -> rates(request);
      case "/v2/currencies" -> currencies(request);
      default -> ApiResponse.error(404, "not found");
    });
  }

  private ApiResponse rates(ApiRequest request) {
    QueryParams params;
    try {
      params = QueryParams.parse(request.rawQuery());
    } catch (IllegalArgumentException e) {
      return error(422, e.getMessage());
    }
    for (String name : new TreeSet<>(params.names())) {
      if (!PARAMETERS.contains(name)) {
        return error(422, "unknown parameter: " + name);
      }
    }
    String providers = params.first("providers").map(p -> p.toUpperCase(Locale.ROOT)).orElse("ECB");
    if (!Arrays.asList(providers.split(",")).contains("ECB")) {
      return error(422, "only the ECB's rates are served here: providers=ECB");
    }
    LocalDate date;
    LocalDate from;
    LocalDate to;
    try {
      date = params.first("date").map(LocalDate::parse).orElse(null);
      from = params.first("from").map(LocalDate::parse).orElse(null);
      to = params.first("to").map(LocalDate::parse).orElse(null);
    } catch (RuntimeException e) {
      return error(422, "invalid date");
    }
    if (date != null && (from != null || to != null)) {
      return error(422, "conflicting params");
    }
    String base = params.first("base").map(b -> b.toUpperCase(Locale.ROOT)).orElse(EcbDay.EUR);
    List<String> quotes = params.first("quotes").map(q -> List.of(q.toUpperCase(Locale.ROOT).split(","))).orElse(null);
    List<String> unknown = new ArrayList<>();
    if (CurrencyTable.of(base).numeric().isEmpty() && !base.equals(EcbDay.EUR)) {
      unknown.add(base);
    }
    if (quotes != null) {
      quotes.stream().filter(q -> CurrencyTable.of(q).numeric().isEmpty()).forEach(unknown::add);
    }
    if (!unknown.isEmpty()) {
      return error(422, "invalid currency: " + String.join(",", unknown));
    }
    List<EcbDay> days =
        from != null
            ? history.between(from, to == null ? history.newest().date() : to)
            : history.dayFor(date == null ? history.newest().date() : date).stream().toList();
    List<String> rows = new ArrayList<>();
    String lastDate = "";
    for (EcbDay day : days) {
      Map<String, Double> rates = rates(day, base);
      for (Map.Entry<String, Double> rate : rates.entrySet()) {
        if (quotes == null || quotes.contains(rate.getKey())) {
          lastDate = day.date().toString();
          rows.add(
              Json.object()
                  .string("date", lastDate)
                  .string("base", base)
                  .string("quote", rate.getKey())
                  .raw("rate", RubyFloat.ojText(rate.getValue()))
                  .toString());
        }
      }
    }
    String cacheControl = date != null || from != null ? EXPLICIT : latestCacheControl();
    String etag = Caching.etag(lastDate);
    return Caching.conditional(request, etag)
        .orElseGet(() -> json(200, Json.array(rows)).with("Cache-Control", cacheControl).with("ETag", etag));
  }

  /** The day's rates for the base as v2 shows them; empty when the ECB did not quote the base. */
  private static Map<String, Double> rates(EcbDay day, String base) {
    Map<String, Double> rates = new TreeMap<>();
    Double divisor = day.rate(base).map(r -> r.doubleValue()).orElse(null);
    if (divisor == null) {
      return rates;
    }
    rates.put(EcbDay.EUR, base.equals(EcbDay.EUR) ? 1.0 : band(1.0 / divisor));
    day.perEuro().forEach((code, perEuro) -> rates.put(code, base.equals(EcbDay.EUR) ? perEuro.doubleValue() : band(perEuro.doubleValue() / divisor)));
    rates.put(base, 1.0);
    return rates;
  }

  // lib/roundable.rb: the v1 bands, each a Float(format("%.Nf")), the one over 5000 too.
  private static double band(double value) {
    int decimals = value > 5000 ? 0 : value > 80 ? 2 : value > 20 ? 3 : value > 1 ? 4 : value > 0.0001 ? 5 : 6;
    return RubyFloat.formatFixed(value, decimals);
  }

  private ApiResponse currencies(ApiRequest request) {
    String body = currencies;
    if (body == null) {
      Map<String, LocalDate[]> spans = new TreeMap<>();
      for (EcbDay day : history.all()) {
        List<String> codes = new ArrayList<>(day.perEuro().keySet());
        codes.add(EcbDay.EUR);
        for (String code : codes) {
          spans.computeIfAbsent(code, c -> new LocalDate[] {day.date(), day.date()})[1] = day.date();
        }
      }
      List<String> items = new ArrayList<>();
      spans.forEach(
          (code, span) -> {
            CurrencyTable.Currency currency = CurrencyTable.of(code);
            items.add(
                Json.object()
                    .string("iso_code", code)
                    .raw("iso_numeric", currency.numeric().isEmpty() ? "null" : Json.quoted(currency.numeric()))
                    .string("name", currency.name())
                    .raw("symbol", currency.symbol().isEmpty() ? "null" : Json.quoted(currency.symbol()))
                    .string("start_date", span[0].toString())
                    .string("end_date", span[1].toString())
                    .toString());
          });
      body = currencies = Json.array(items);
    }
    String etag = Caching.etag(history.newest().date().toString());
    String json = body;
    return Caching.conditional(request, etag)
        .orElseGet(() -> json(200, json).with("Cache-Control", latestCacheControl()).with("ETag", etag));
  }

  /** v2's for answers that change with the next publication: until the next UTC midnight. */
  private static String latestCacheControl() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    long seconds = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)).toSeconds();
    return "public, max-age=" + Math.max(1, seconds) + ", stale-if-error=86400";
  }

  private static ApiResponse error(int status, String message) {
    return json(status, Json.message(message)).with("Cache-Control", ApiResponse.NO_STORE);
  }

  private static ApiResponse json(int status, String body) {
    return ApiResponse.of(status, ApiResponse.JSON_UTF8, body);
  }
}
