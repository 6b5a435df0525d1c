package dev.fxmatrix.demo;

import dev.fxmatrix.exit.FastExit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * An FX rate API over the bundled ECB history, for demos, tests and benchmarks without the internet:
 * one provider's {@link Dialect} (Frankfurter v1 by default) at that provider's own paths. Built on
 * {@link Http1Server}, one virtual thread per connection.
 *
 * <p>Start with {@link #start(ServerOptions)}, point a client at {@link #apiUrl()}, and
 * {@link #close()} when done (it is not a daemon: an unclosed server keeps the JVM alive).
 *
 * <p>Every request, in arrival order, gets a sequence number; its jitter and whether it fails are
 * drawn from a generator seeded by (seed, sequence number), so a given order of requests meets the
 * same delays and errors on every run. Requests that are not HTTP (a bad target, too long a line or
 * too many headers) are answered at once with a JSON error, without delay or injected faults.
 */
public final class FxApiServer implements AutoCloseable {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(1);

  private final ServerOptions options;
  private final DialectRoutes api;
  private final Http1Server http;
  private final SlidingWindowLimiter limiter; // null without a rate limit
  private final String origin;
  private final URI baseUri;
  private final AtomicLong received = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);

  private FxApiServer(ServerOptions options, EcbHistory history) throws IOException {
    this.options = options;
    this.api = options.dialect().routes(history);
    this.limiter =
        options.rateLimit() == ServerOptions.NO_RATE_LIMIT
            ? null
            : new SlidingWindowLimiter(options.rateLimit(), RATE_WINDOW, System::nanoTime);
    InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
    if (address.isUnresolved()) {
      throw new IOException("unknown host " + options.host());
    }
    FastExit.virtualThreadsDoIo();
    this.http = Http1Server.start(address, new Handler(), "fx-api-");
    this.origin = "http://" + uriHost(http.address().getAddress()) + ":" + port();
    this.baseUri = URI.create(origin + options.dialect().basePath().replace("{date}", "latest"));
  }

  /** Starts a server on the bundled ECB history. */
  public static FxApiServer start(ServerOptions options) throws IOException {
    return start(options, EcbHistory.bundled());
  }

  /** Starts a server on the given history. */
  public static FxApiServer start(ServerOptions options, EcbHistory history) throws IOException {
    return new FxApiServer(options, history);
  }

  /**
   * The base URL a client of the dialect takes: {@code http://127.0.0.1:PORT/v1} for Frankfurter;
   * for currency-api the one for the newest files, {@code .../latest/v1}.
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * What a user passes as {@code --api-url NAME=URL} for this dialect: {@code
   * http://127.0.0.1:PORT/v1}, {@code .../v2}, {@code .../v6}, {@code .../stats/eurofxref}, and for
   * currency-api the template {@code http://127.0.0.1:PORT/{date}/v1} ({@code {date}} being
   * {@code latest} or {@code YYYY-MM-DD}).
   */
  public String apiUrl() {
    return origin + options.dialect().basePath();
  }

  public Dialect dialect() {
    return options.dialect();
  }

  public int port() {
    return http.address().getPort();
  }

  /**
   * The address listened on, as bound: {@code 0.0.0.0:8080} for every interface, {@code
   * 127.0.0.1:41234} for loopback with a port picked by the system.
   */
  public InetSocketAddress address() {
    return http.address();
  }

  /** Requests received so far, answered or refused alike (counted before the answer is sent). */
  public long requestCount() {
    return received.get();
  }

  /** Blocks until {@link #close()} has been called. */
  public void awaitClose() throws InterruptedException {
    closedLatch.await();
  }

  /** Stops listening and abandons requests still waiting out their delay. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      http.close(); // also interrupts handlers asleep in their latency
    } finally {
      closedLatch.countDown();
    }
  }

  /** Answers for the HTTP server: faults first, then the dialect's routes; one log line each. */
  private final class Handler implements Http1Server.Handler {
    @Override
    public ApiResponse respond(Http1Server.Incoming incoming) throws InterruptedException {
      long sequence = received.getAndIncrement();
      return switch (incoming) {
        case Http1Server.Incoming.Malformed bad -> ApiResponse.error(bad.status(), bad.problem());
        case Http1Server.Incoming.Request request -> answer(request.request(), sequence);
      };
    }

    @Override
    public void sent(Http1Server.Incoming incoming, int status, long startNanos) {
      log(incoming, status, startNanos);
    }
  }

  private ApiResponse answer(ApiRequest request, long sequence) throws InterruptedException {
    RandomGenerator random = new SplittableRandom(mix(options.seed(), sequence));
    // Both draws happen for every request, so the errors do not depend on the jitter setting.
    Duration delay = delay(random.nextDouble());
    boolean injectError = random.nextDouble() < options.errorRate();
    ApiResponse response;
    if (limiter != null && !limiter.tryAcquire()) {
      response = api.tooManyRequests();
    } else if (injectError) {
      response = api.internalError();
    } else {
      response = route(request);
    }
    if (delay.isPositive()) {
      Thread.sleep(delay);
    }
    return response;
  }

  private ApiResponse route(ApiRequest request) {
    try {
      return api.answer(request);
    } catch (RuntimeException e) {
      // A bug or a broken data file: answer like a server would, note it once in the log.
      options.requestLog().accept("internal error answering " + RequestLog.target(request.path(), request.rawQuery()) + ": " + e);
      return api.internalError();
    }
  }

  /** latency ± uniform jitter, from a draw in [0, 1); never negative. */
  private Duration delay(double draw) {
    long latency = options.latency().toNanos();
    long jitter = options.jitter().toNanos();
    long nanos = latency + Math.round((2 * draw - 1) * jitter);
    return Duration.ofNanos(Math.max(0, nanos));
  }

  private void log(Http1Server.Incoming incoming, int status, long startNanos) {
    if (options.requestLog() == ServerOptions.NO_REQUEST_LOG) {
      return;
    }
    long nanos = System.nanoTime() - startNanos;
    Instant start = Instant.now().minusNanos(nanos);
    options
        .requestLog()
        .accept(
            start.truncatedTo(ChronoUnit.MILLIS)
                + " "
                + incoming.method()
                + " "
                + RequestLog.escaped(incoming.rawTarget())
                + " "
                + (status == 0 ? "-" : String.valueOf(status))
                + " "
                + TimeUnit.NANOSECONDS.toMillis(nanos)
                + "ms");
  }

  /** A well-spread generator seed per (seed, sequence): SplitMix64's finaliser over both. */
  private static long mix(long seed, long sequence) {
    long z = seed * 0x9E3779B97F4A7C15L + sequence;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String uriHost(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "127.0.0.1"; // listening everywhere: loopback reaches it
    }
    String host = address.getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
