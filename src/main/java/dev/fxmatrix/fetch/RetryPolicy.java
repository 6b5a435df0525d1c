package dev.fxmatrix.fetch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before trying a failed request again: exponential back-off with
 * jitter (half fixed, half random, so retrying workers do not return in lockstep), or the server's {@code Retry-After}.
 */
public record RetryPolicy(int retries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
  public static RetryPolicy of(int retries) {
    return new RetryPolicy(retries, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(2));
  }

  /** Whether another attempt may follow attempt number {@code attempt} (1-based). */
  public boolean allowsAnother(int attempt) {
    return attempt <= retries;
  }

  /** The back-off before attempt {@code attempt + 1} when the server named no time. */
  public Duration backoff(int attempt, RandomGenerator random) {
    long ceiling = Math.min(maxDelay.toNanos(), baseDelay.toNanos() << Math.min(attempt - 1, 20));
    return Duration.ofNanos(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
  }

  /** The pause after a 429: the server's word if it gave one, else at least a second. */
  public Duration rateLimitPause(Duration retryAfter, int attempt, RandomGenerator random) {
    if (retryAfter != null) {
      return retryAfter;
    }
    Duration backoff = backoff(attempt, random);
    return backoff.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : backoff;
  }
}
