package dev.fxmatrix.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A Frankfurter v1 stand-in for MockWebServer: answers {@code /v1/latest} and {@code /v1/DATE}
 * from USD-based rates (other bases by division), optionally slowly or rate-limited, and records
 * what a server would see: when each request started and how many were in flight at once.
 */
public final class FakeFrankfurter extends Dispatcher {
  /** The seed's USD-based rates on 2019-04-09. */
  public static final Map<String, BigDecimal> SEED_USD_RATES = seedRates();

  public static final String SEED_DATE = "2019-04-09";

  /**
   * What {@code latest} answers: today (UTC), as a live API would, so runs see current rates and
   * not the warning for rates that stopped updating.
   */
  public static final String LATEST = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

  private final Map<String, BigDecimal> usdRates;
  private volatile long delayMillis;
  private volatile int rateLimitPerSecond; // 0: none
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Integer> codes = new ConcurrentLinkedQueue<>();
  private final List<Long> acceptedWindow = new ArrayList<>();

  public FakeFrankfurter(Map<String, BigDecimal> usdRates) {
    this.usdRates = Map.copyOf(usdRates);
  }

  public static FakeFrankfurter seed() {
    return new FakeFrankfurter(SEED_USD_RATES);
  }

  /** {@code count} currencies with made-up, distinct rates: USD, then ISO codes in order (AED, AFA, ...). */
  public static FakeFrankfurter synthetic(int count) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    rates.put("USD", BigDecimal.ONE);
    for (String code : syntheticCodes(count - 1)) {
      rates.put(code, BigDecimal.valueOf(rates.size() * 1.37 + 0.11));
    }
    return new FakeFrankfurter(rates);
  }

  /** {@code count} ISO 4217 codes other than USD, in order: real codes, as the command line accepts no others. */
  public static List<String> syntheticCodes(int count) {
    return java.util.Currency.getAvailableCurrencies().stream()
        .map(java.util.Currency::getCurrencyCode)
        .filter(code -> !code.equals("USD"))
        .sorted()
        .limit(count)
        .toList();
  }

  public List<String> currencies() {
    return List.copyOf(usdRates.keySet());
  }

  public FakeFrankfurter delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  /** Answers 429 with {@code Retry-After: 1} beyond {@code perSecond} requests in any second. */
  public FakeFrankfurter rateLimit(int perSecond) {
    this.rateLimitPerSecond = perSecond;
    return this;
  }

  public int peakInFlight() {
    return peakInFlight.get();
  }

  /** The server-side start time ({@link System#nanoTime}) of every request, in arrival order. */
  public List<Long> starts() {
    return List.copyOf(starts);
  }

  public List<Integer> statusCodes() {
    return List.copyOf(codes);
  }

  /** The most request starts the server saw in any window of {@code windowNanos}. */
  public int maxStartsInWindow(long windowNanos) {
    return maxInWindow(starts, windowNanos);
  }

  /** The most of {@code times} (nanoseconds) that fall within any window of {@code windowNanos}. */
  public static int maxInWindow(Collection<Long> times, long windowNanos) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int max = 0;
    int from = 0;
    for (int to = 0; to < sorted.size(); to++) {
      while (sorted.get(to) - sorted.get(from) >= windowNanos) {
        from++;
      }
      max = Math.max(max, to - from + 1);
    }
    return max;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    long now = System.nanoTime();
    starts.add(now);
    int current = inFlight.incrementAndGet();
    peakInFlight.accumulateAndGet(current, Math::max);
    try {
      if (rateLimited(now)) {
        return respond(429, "{\"message\":\"too many requests\"}", "Retry-After", "1");
      }
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      return answer(request.getUrl());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private boolean rateLimited(long now) {
    if (rateLimitPerSecond <= 0) {
      return false;
    }
    synchronized (acceptedWindow) {
      // Every request counts, refused ones too, as a strict server would count them.
      acceptedWindow.removeIf(t -> now - t >= 1_000_000_000L);
      acceptedWindow.add(now);
      return acceptedWindow.size() > rateLimitPerSecond;
    }
  }

  private MockResponse answer(HttpUrl url) {
    List<String> segments = url.pathSegments();
    String last = segments.get(segments.size() - 1);
    if (!last.equals("latest") && !last.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return respond(404, "{\"message\":\"not found\"}");
    }
    String base = param(url, "base", "EUR");
    BigDecimal baseRate = usdRates.get(base);
    if (baseRate == null) {
      return respond(404, "{\"message\":\"not found\"}");
    }
    String symbolsParam = url.queryParameter("symbols");
    List<String> symbols =
        symbolsParam == null ? List.copyOf(usdRates.keySet()) : Arrays.asList(symbolsParam.toUpperCase(Locale.ROOT).split(","));
    if (symbols.equals(List.of(base))) {
      return respond(422, "{\"message\":\"bad currency pair\"}");
    }
    String rates =
        symbols.stream()
            .filter(s -> !s.equals(base) && usdRates.containsKey(s))
            .map(s -> "\"" + s + "\":" + usdRates.get(s).divide(baseRate, MathContext.DECIMAL64).toPlainString())
            .collect(Collectors.joining(","));
    String date = last.equals("latest") ? LATEST : last;
    codes.add(200);
    return respond(
        200, "{\"amount\":1.0,\"base\":\"" + base + "\",\"date\":\"" + date + "\",\"rates\":{" + rates + "}}");
  }

  private MockResponse respond(int code, String body, String... headers) {
    if (code != 200) {
      codes.add(code);
    }
    MockResponse.Builder response =
        new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }

  private static String param(HttpUrl url, String name, String fallback) {
    String value = url.queryParameter(name);
    return value == null ? fallback : value.toUpperCase(Locale.ROOT);
  }

  private static Map<String, BigDecimal> seedRates() {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    rates.put("USD", BigDecimal.ONE);
    rates.put("EUR", new BigDecimal("0.8867606633"));
    rates.put("PLN", new BigDecimal("3.8015429636"));
    rates.put("NOK", new BigDecimal("8.5297508203"));
    rates.put("CZK", new BigDecimal("22.7170346723"));
    rates.put("JPY", new BigDecimal("111.2973308504"));
    rates.put("KRW", new BigDecimal("1139.4519819101"));
    rates.put("IDR", new BigDecimal("14132.9963642813"));
    return Collections.unmodifiableMap(rates);
  }
}
