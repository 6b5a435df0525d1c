package dev.fxmatrix.bench;

import dev.fxmatrix.strategy.Strategy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What the timed runs of one strategy came to: the numbers every report format shows.
 *
 * @param requestsPerSecond attempts sent (retries included) per second of fetch time, over all runs
 * @param peakInFlight the most attempts in flight at once, in any run
 * @param failures failed rows, summed over the runs
 * @param latencyNanos the median duration of one attempt, over all runs
 * @param idealNanos {@link IdealTime} at that latency
 * @param timelineRun the run the timeline draws: the median one (the faster of the middle two for an
 *     even count), so the picture is a typical run rather than the best or the worst
 */
record StrategyResult(
    Strategy strategy,
    int runs,
    long medianNanos,
    long minNanos,
    long maxNanos,
    double requestsPerSecond,
    int peakInFlight,
    int failures,
    long latencyNanos,
    long idealNanos,
    List<Long> runNanos,
    RunMeasurement timelineRun) {

  /** Summarises {@code runs} (at least one) of {@code strategy}, each sending {@code requests}. */
  static StrategyResult of(
      Strategy strategy, List<RunMeasurement> runs, int requests, int threads, Double rate) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs of " + strategy.cliName());
    }
    List<Long> walls = runs.stream().map(RunMeasurement::wallNanos).toList();
    List<Long> durations = runs.stream().flatMap(r -> r.attempts().stream()).map(Attempt::nanos).toList();
    long totalWall = walls.stream().mapToLong(Long::longValue).sum();
    long latency = median(durations);
    List<RunMeasurement> byWall = runs.stream().sorted(Comparator.comparingLong(RunMeasurement::wallNanos)).toList();
    return new StrategyResult(
        strategy,
        runs.size(),
        median(walls),
        byWall.getFirst().wallNanos(),
        byWall.getLast().wallNanos(),
        totalWall == 0 ? 0 : durations.size() / (totalWall / 1e9),
        runs.stream().mapToInt(RunMeasurement::peakInFlight).max().orElse(0),
        runs.stream().mapToInt(r -> r.failures().size()).sum(),
        latency,
        IdealTime.of(strategy, requests, threads, Duration.ofNanos(latency), rate).toNanos(),
        walls,
        byWall.get((byWall.size() - 1) / 2));
  }

  /** The median; the mean of the middle two for an even count; 0 for none. */
  static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** How close the median comes to the limit: ideal / median, 1.0 at the limit. */
  double ofIdeal() {
    return medianNanos == 0 ? 0 : (double) idealNanos / medianNanos;
  }
}
