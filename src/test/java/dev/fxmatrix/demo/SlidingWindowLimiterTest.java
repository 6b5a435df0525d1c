package dev.fxmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {
  private long nowMillis;
  private final SlidingWindowLimiter limiter =
      new SlidingWindowLimiter(3, Duration.ofSeconds(1), () -> nowMillis * 1_000_000);

  @Test
  void allowsTheLimitThenRefusesWithinTheSameSecond() {
    assertThat(arrivalsAt(0, 10, 20, 30, 40, 999)).containsExactly(true, true, true, false, false, false);
  }

  @Test
  void refusedRequestsCountSoHammeringStaysRefused() {
    // Allowed at 0, 10, 20; the refused ones at 900..1900 keep the window full.
    assertThat(arrivalsAt(0, 10, 20, 900, 1000, 1010, 1020, 1900))
        .containsExactly(true, true, true, false, false, false, false, false);
  }

  @Test
  void theWindowSlides() {
    // At 1000 the arrival at 0 has left the window; 1001 and 1399 still find three within it
    // (400, 800, 1000, then 800, 1000, 1001); at 2000 only 1001 and 1399 are left.
    assertThat(arrivalsAt(0, 400, 800, 1000, 1001, 1399, 2000))
        .containsExactly(true, true, true, true, false, false, true);
  }

  @Test
  void needsALimitOfAtLeastOne() {
    assertThatThrownBy(() -> new SlidingWindowLimiter(0, Duration.ofSeconds(1), System::nanoTime))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Boolean> arrivalsAt(long... millis) {
    List<Boolean> allowed = new ArrayList<>();
    for (long at : millis) {
      nowMillis = at;
      allowed.add(limiter.tryAcquire());
    }
    return allowed;
  }
}
