package dev.fxmatrix.bench;

import dev.fxmatrix.fetch.Outcome;
import java.util.Arrays;
import java.util.List;

/**
 * One run of one strategy: when it started, how long the fetch took from the first job handed out to
 * the last row received, every attempt it made, and the rows that failed.
 */
record RunMeasurement(long startNanos, long wallNanos, List<Attempt> attempts, List<Outcome.Failed> failures) {
  RunMeasurement {
    attempts = List.copyOf(attempts);
    failures = List.copyOf(failures);
  }

  /** The most attempts that were in flight at the same moment. */
  int peakInFlight() {
    return peakInFlight(attempts);
  }

  /**
   * A sweep over start and end events; an attempt that ends exactly when another starts does not
   * overlap it (ends sort first), as a worker's next request follows its previous one.
   */
  static int peakInFlight(List<Attempt> attempts) {
    long origin = attempts.stream().mapToLong(Attempt::startNanos).min().orElse(0);
    long[] events = new long[attempts.size() * 2];
    int i = 0;
    for (Attempt a : attempts) {
      // Times since the first start (nanoTime's origin is arbitrary), shifted left one bit with the
      // low bit telling start (1) from end (0), so that at equal times ends sort first.
      events[i++] = ((a.startNanos() - origin) << 1) | 1;
      events[i++] = (a.endNanos() - origin) << 1;
    }
    Arrays.sort(events);
    int current = 0;
    int peak = 0;
    for (long event : events) {
      current += (event & 1) == 1 ? 1 : -1;
      peak = Math.max(peak, current);
    }
    return peak;
  }
}
