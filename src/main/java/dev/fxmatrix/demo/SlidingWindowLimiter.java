package dev.fxmatrix.demo;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Refuses a request when {@code limit} requests already arrived within the sliding window before it.
 * Refused requests count too, so a client that keeps hammering stays refused until it backs off.
 *
 * <p>Only the arrival times of the last {@code limit} requests matter for that rule, so that is all
 * it keeps: memory stays bounded under a flood.
 */
final class SlidingWindowLimiter {
  private final int limit;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final long[] arrivals; // ring of the last `limit` arrival times
  private int next;
  private int count;
  private final ReentrantLock lock = new ReentrantLock(); // not synchronized: callers are virtual threads

  SlidingWindowLimiter(int limit, Duration window, LongSupplier nanoClock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
    this.arrivals = new long[limit];
  }

  /** Records an arrival now; true when it is within the limit. */
  boolean tryAcquire() {
    lock.lock();
    try {
      long now = nanoClock.getAsLong();
      // With the ring full, arrivals[next] is the oldest of the last `limit` arrivals.
      boolean allowed = count < limit || now - arrivals[next] >= windowNanos;
      arrivals[next] = now;
      next = (next + 1) % limit;
      count = Math.min(count + 1, limit);
      return allowed;
    } finally {
      lock.unlock();
    }
  }
}
