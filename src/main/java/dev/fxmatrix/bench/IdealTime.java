package dev.fxmatrix.bench;

import dev.fxmatrix.strategy.Strategy;
import java.time.Duration;

/**
 * The least wall time a strategy can take for {@code requests} requests that each take {@code
 * latency}: the limit a measured run is compared with.
 *
 * <p>With {@code c} requests in flight at most ({@link Strategy#concurrency}), the requests go in
 * ⌈N/c⌉ waves: sequential N × latency, a pool ⌈N/threads⌉ × latency, one task per base 1 × latency.
 *
 * <p>With {@code --rate R} the token bucket starts empty, so request {@code i} (1-based) cannot start
 * before {@code i/R}; and it cannot start before the request {@code c} places ahead of it has ended.
 * Starting each request as early as both allow is optimal when every request takes the same time,
 * and unrolling {@code start(i) = max(i/R, start(i-c) + latency)} gives a maximum of terms linear in
 * the number of waves, so only its two ends count:
 *
 * <pre>
 *   last start = max(N/R, (N - (w-1)·c)/R + (w-1)·latency)     w = ⌈N/c⌉ waves
 *   ideal      = last start + latency
 * </pre>
 *
 * That is at least N/R + latency (the last token comes at N/R and its request still takes a
 * latency), and without a rate it is w × latency.
 */
public final class IdealTime {
  private static final double SECOND = 1e9;

  private IdealTime() {}

  /**
   * @param requests N, the requests one run sends (bases whose row needs one)
   * @param threads the pool's size; the other strategies ignore it
   * @param rate requests per second, or null for no limit
   */
  public static Duration of(Strategy strategy, int requests, int threads, Duration latency, Double rate) {
    if (requests <= 0) {
      return Duration.ZERO;
    }
    int inFlight = strategy.concurrency(requests, threads);
    int waves = (requests + inFlight - 1) / inFlight;
    double latencyNanos = latency.toNanos();
    if (rate == null) {
      return Duration.ofNanos(Math.round(waves * latencyNanos));
    }
    double tokenNanos = SECOND / rate;
    int earlierWaves = waves - 1;
    double lastStart =
        Math.max(
            requests * tokenNanos,
            (requests - (double) earlierWaves * inFlight) * tokenNanos + earlierWaves * latencyNanos);
    return Duration.ofNanos(Math.round(lastStart + latencyNanos));
  }
}
