package dev.fxmatrix.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fxmatrix.exit.FastExit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A Frankfurter-v1-compatible HTTP API over the bundled ECB history, for demos, tests and benchmarks
 * without the internet. Built on the JDK's {@link HttpServer}, one virtual thread per request.
 *
 * <p>Start with {@link #start(ServerOptions)}, point a client at {@link #baseUri()}, and
 * {@link #close()} when done (it is not a daemon: an unclosed server keeps the JVM alive).
 *
 * <p>Every request, in arrival order, gets a sequence number; its jitter and whether it fails are
 * drawn from a generator seeded by (seed, sequence number), so a given order of requests meets the
 * same delays and errors on every run.
 */
public final class FxApiServer implements AutoCloseable {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(1);

  private final ServerOptions options;
  private final DialectRoutes api;
  private final HttpServer http;
  private final ExecutorService executor;
  private final SlidingWindowLimiter limiter; // null without a rate limit
  private final URI baseUri;
  private final AtomicLong received = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);

  private FxApiServer(ServerOptions options, EcbHistory history) throws IOException {
    this.options = options;
    this.api = new FrankfurterV1(history);
    this.limiter =
        options.rateLimit() == ServerOptions.NO_RATE_LIMIT
            ? null
            : new SlidingWindowLimiter(options.rateLimit(), RATE_WINDOW, System::nanoTime);
    InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
    if (address.isUnresolved()) {
      throw new IOException("unknown host " + options.host());
    }
    this.http = HttpServer.create(address, 1024);
    FastExit.virtualThreadsDoIo();
    this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fx-api-", 0).factory());
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
    this.baseUri = URI.create("http://" + uriHost(http.getAddress().getAddress()) + ":" + port() + "/v1");
  }

  /** Starts a server on the bundled ECB history. */
  public static FxApiServer start(ServerOptions options) throws IOException {
    return start(options, EcbHistory.bundled());
  }

  /** Starts a server on the given history. */
  public static FxApiServer start(ServerOptions options, EcbHistory history) throws IOException {
    return new FxApiServer(options, history);
  }

  /** {@code http://HOST:PORT/v1}, the base URL a Frankfurter client takes. */
  public URI baseUri() {
    return baseUri;
  }

  public int port() {
    return http.getAddress().getPort();
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
      http.stop(0);
      executor.shutdownNow(); // interrupts handlers asleep in their latency
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closedLatch.countDown();
    }
  }

  private void handle(HttpExchange exchange) {
    long startNanos = System.nanoTime();
    Instant start = Instant.now();
    long sequence = received.getAndIncrement();
    int status = 0; // 0: no answer sent
    try (exchange) {
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
        response = answer(exchange);
      }
      if (delay.isPositive()) {
        Thread.sleep(delay);
      }
      status = send(exchange, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing: drop the request unanswered
    } catch (IOException e) {
      // the client went away; nothing to answer
    } finally {
      log(start, exchange, status, startNanos);
    }
  }

  private ApiResponse answer(HttpExchange exchange) {
    try {
      URI uri = exchange.getRequestURI();
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      return api.answer(new ApiRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers));
    } catch (RuntimeException e) {
      // A bug or a broken data file: answer like a server would, note it once in the log.
      options.requestLog().accept("internal error answering " + exchange.getRequestURI() + ": " + e);
      return api.internalError();
    }
  }

  private static int send(HttpExchange exchange, ApiResponse response) throws IOException {
    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream()); // keeps the connection reusable
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    if (exchange.getRequestMethod().equals("HEAD")) {
      // The JDK sends no body for HEAD, and warns if given a length; the client sees GET's headers.
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
      body = new byte[0];
    }
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    return response.status();
  }

  /** latency ± uniform jitter, from a draw in [0, 1); never negative. */
  private Duration delay(double draw) {
    long latency = options.latency().toNanos();
    long jitter = options.jitter().toNanos();
    long nanos = latency + Math.round((2 * draw - 1) * jitter);
    return Duration.ofNanos(Math.max(0, nanos));
  }

  private void log(Instant start, HttpExchange exchange, int status, long startNanos) {
    if (options.requestLog() == ServerOptions.NO_REQUEST_LOG) {
      return;
    }
    URI uri = exchange.getRequestURI();
    String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    options
        .requestLog()
        .accept(
            start.truncatedTo(ChronoUnit.MILLIS)
                + " "
                + exchange.getRequestMethod()
                + " "
                + target
                + " "
                + (status == 0 ? "-" : String.valueOf(status))
                + " "
                + millis
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
