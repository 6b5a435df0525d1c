package dev.fxmatrix.testing;

import dev.fxmatrix.fetch.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time that passes only when told to, or when someone sleeps: a sleep returns at once, having moved
 * the clock on by its length and noted it. So a test of retries or pauses runs in microseconds and
 * can assert the exact schedule. Meant for one thread at a time.
 */
public final class VirtualTime implements TimeSource {
  private final Instant epoch;
  private long nanos = 1_000_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  public VirtualTime(Instant epoch) {
    this.epoch = epoch;
  }

  public VirtualTime() {
    this(Instant.parse("2026-04-14T10:00:00Z"));
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return epoch.plusNanos(nanos - 1_000_000_000_000L);
  }

  @Override
  public synchronized void sleep(Duration duration) {
    if (duration.isPositive()) {
      sleeps.add(duration);
      nanos += duration.toNanos();
    }
  }

  public synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  /** Every sleep so far that was longer than zero, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
