package dev.fxmatrix.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's and the throttle's clock and sleep, so tests can run retries, back-offs and pauses
 * in virtual time and assert exact schedules.
 */
public interface TimeSource {
  /** A monotonic reading in nanoseconds, like {@link System#nanoTime}. */
  long nanoTime();

  /** The wall clock, for {@code Retry-After} dates. */
  Instant now();

  /** Blocks for {@code duration}; interruptible, and without pinning a virtual thread. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing. */
  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          if (duration.isPositive()) {
            Thread.sleep(duration);
          }
        }
      };
}
