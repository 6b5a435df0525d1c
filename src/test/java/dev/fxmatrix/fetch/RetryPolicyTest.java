package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exponential back-off with jitter: 200ms doubling, capped at 5s; the server's word wins. */
class RetryPolicyTest {
  final RetryPolicy policy = RetryPolicy.of(3);

  @Test
  void retriesCountAttemptsAfterTheFirst() {
    assertThat(policy.allowsAnother(1)).isTrue();
    assertThat(policy.allowsAnother(3)).isTrue();
    assertThat(policy.allowsAnother(4)).isFalse();
    assertThat(RetryPolicy.of(0).allowsAnother(1)).isFalse();
  }

  @Test
  void backOffDoublesBetweenHalfAndAllOfItsCeiling() {
    SplittableRandom random = new SplittableRandom(42);
    long[] ceilingsMillis = {200, 400, 800, 1600, 3200, 5000, 5000};
    for (int attempt = 1; attempt <= ceilingsMillis.length; attempt++) {
      long ceiling = ceilingsMillis[attempt - 1];
      for (int i = 0; i < 200; i++) {
        assertThat(policy.backoff(attempt, random).toMillis()).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void backOffStaysCappedForHighAttemptNumbers() {
    assertThat(policy.backoff(64, new SplittableRandom(1))).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(policy.backoff(Integer.MAX_VALUE, new SplittableRandom(1))).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void backOffIsJittered() {
    SplittableRandom random = new SplittableRandom(7);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seen.add(policy.backoff(3, random));
    }
    assertThat(seen).hasSizeGreaterThan(50);
  }

  @Test
  void aRateLimitPauseIsTheServersWordOrAtLeastASecond() {
    assertThat(policy.rateLimitPause(Duration.ofSeconds(7), 1, new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.rateLimitPause(Duration.ZERO, 1, new SplittableRandom(1))).isEqualTo(Duration.ZERO);
    assertThat(policy.rateLimitPause(null, 1, new SplittableRandom(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }
}
