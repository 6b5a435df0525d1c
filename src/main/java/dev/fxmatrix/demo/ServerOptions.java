package dev.fxmatrix.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link FxApiServer} listens and how badly it behaves on purpose.
 *
 * @param host address to listen on
 * @param port TCP port, 0 for any free one
 * @param latency delay before every response
 * @param jitter every delay varies uniformly within latency ± jitter (never below zero)
 * @param rateLimit answer 429 beyond this many requests in any sliding second (refused ones count);
 *     {@link #NO_RATE_LIMIT} for none
 * @param errorRate share of requests answered 500, 0..1
 * @param seed makes jitter and injected errors reproducible for a given request order
 * @param requestLog receives one line per request (time, method, path and query, status, duration)
 * @param dialect the provider API spoken, at that provider's paths
 */
public record ServerOptions(
    String host,
    int port,
    Duration latency,
    Duration jitter,
    int rateLimit,
    double errorRate,
    long seed,
    Consumer<String> requestLog,
    Dialect dialect) {

  public static final int NO_RATE_LIMIT = 0;
  public static final Consumer<String> NO_REQUEST_LOG = line -> {};

  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(requestLog, "requestLog");
    Objects.requireNonNull(dialect, "dialect");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (latency.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency and jitter must not be negative");
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rateLimit must be at least 1, or 0 for none, got " + rateLimit);
    }
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be 0..1, got " + errorRate);
    }
  }

  /** Frankfurter's dialect, as before there were others. */
  public ServerOptions(
      String host, int port, Duration latency, Duration jitter, int rateLimit, double errorRate, long seed,
      Consumer<String> requestLog) {
    this(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, Dialect.FRANKFURTER);
  }

  /** 127.0.0.1, any free port, no delay, no limit, no errors, seed 42, no request log, Frankfurter v1. */
  public static ServerOptions defaults() {
    return new ServerOptions("127.0.0.1", 0, Duration.ZERO, Duration.ZERO, NO_RATE_LIMIT, 0, 42, NO_REQUEST_LOG);
  }

  public ServerOptions withDialect(Dialect dialect) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withHost(String host) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withPort(int port) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withLatency(Duration latency, Duration jitter) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withRateLimit(int rateLimit) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withErrorRate(double errorRate) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withSeed(long seed) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }

  public ServerOptions withRequestLog(Consumer<String> requestLog) {
    return new ServerOptions(host, port, latency, jitter, rateLimit, errorRate, seed, requestLog, dialect);
  }
}
