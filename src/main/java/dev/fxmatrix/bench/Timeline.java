package dev.fxmatrix.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text Gantt chart of one run per strategy: one line per lane (worker thread, or connection for
 * async), each attempt a bar from its start to its end. Every strategy is drawn on the same scale,
 * so a pool of 4 and one virtual thread per base compare at a glance: the pool's few long lanes of
 * back-to-back requests, the virtual threads' many short lanes side by side.
 */
final class Timeline {
  // Alternating, so back-to-back requests in a lane stay apart.
  private static final char[] BARS = {'█', '▒'};
  private static final int MIN_COLUMNS = 20;
  private static final long[] NICE_STEPS_MS = {1, 2, 5};

  private Timeline() {}

  /** One lane and its attempts, in start order. */
  record Lane(String name, List<Attempt> attempts) {}

  /** The lanes of {@code run} by name, numbers in names compared as numbers: pool-2 before pool-10. */
  static List<Lane> lanes(RunMeasurement run) {
    Map<String, List<Attempt>> byLane = new LinkedHashMap<>();
    run.attempts().stream()
        .sorted(Comparator.comparingLong(Attempt::startNanos))
        .forEach(a -> byLane.computeIfAbsent(a.lane(), name -> new ArrayList<>()).add(a));
    return byLane.entrySet().stream()
        .map(e -> new Lane(e.getKey(), List.copyOf(e.getValue())))
        .sorted(Comparator.comparing(Lane::name, Timeline::compareNames))
        .toList();
  }

  /** Lane names are a prefix and a number (pool-3, item-12, connection-0): order by both. */
  static int compareNames(String a, String b) {
    String prefixA = a.replaceFirst("\\d+$", "");
    String prefixB = b.replaceFirst("\\d+$", "");
    if (!prefixA.equals(prefixB) || prefixA.length() == a.length() || prefixB.length() == b.length()) {
      return a.compareTo(b);
    }
    String numberA = a.substring(prefixA.length());
    String numberB = b.substring(prefixB.length());
    return numberA.length() != numberB.length()
        ? Integer.compare(numberA.length(), numberB.length())
        : numberA.compareTo(numberB);
  }

  static List<String> render(List<StrategyResult> results, int width) {
    int labelWidth =
        Math.max(
            2, // "ms", the axis's unit
            results.stream().flatMap(r -> lanes(r.timelineRun()).stream()).mapToInt(l -> l.name().length()).max().orElse(0));
    int columns = Math.max(MIN_COLUMNS, width - labelWidth - 4);
    long longest = results.stream().mapToLong(r -> extent(r.timelineRun())).max().orElse(1);
    long perColumn = Math.max(1, ceilDiv(longest, columns));

    List<String> lines = new ArrayList<>();
    lines.add("timeline: the median run of each strategy, one line per worker, one bar per request");
    lines.add("(█ and ▒ take turns); one column = " + Millis.format(perColumn) + " for every strategy");
    for (StrategyResult result : results) {
      RunMeasurement run = result.timelineRun();
      List<Lane> lanes = lanes(run);
      lines.add("");
      lines.add(
          result.strategy().cliName() + ": " + lanes.size() + (lanes.size() == 1 ? " lane, " : " lanes, ")
              + Millis.format(run.wallNanos()));
      for (Lane lane : lanes) {
        lines.add(
            "  " + lane.name() + " ".repeat(labelWidth - lane.name().length()) + " │"
                + bars(lane, run.startNanos(), perColumn, columns));
      }
      // The unit sits in the lane-name column, so the tick labels stay short enough to reach the end.
      lines.add("  " + " ".repeat(labelWidth - 2) + "ms  " + axis(perColumn, columns));
    }
    return lines;
  }

  private static String bars(Lane lane, long origin, long perColumn, int columns) {
    char[] line = new char[columns];
    Arrays.fill(line, ' ');
    int used = 0;
    for (int i = 0; i < lane.attempts().size(); i++) {
      Attempt a = lane.attempts().get(i);
      int from = (int) Math.min(columns - 1, Math.max(0, a.startNanos() - origin) / perColumn);
      int to = (int) Math.min(columns, Math.max(from + 1, ceilDiv(a.endNanos() - origin, perColumn)));
      Arrays.fill(line, from, to, BARS[i % 2]);
      used = Math.max(used, to);
    }
    return new String(line, 0, used);
  }

  /** Tick labels in milliseconds under the lanes, at round times at least ten columns apart. */
  static String axis(long perColumn, int columns) {
    long stepMs = niceStepMs(perColumn * 10);
    StringBuilder axis = new StringBuilder();
    for (long ms = 0; ; ms += stepMs) {
      int column = (int) (ms * 1_000_000 / perColumn);
      String label = String.valueOf(ms);
      if (column + label.length() > Math.max(columns, label.length())) {
        break;
      }
      if (column >= axis.length() + (axis.isEmpty() ? 0 : 1)) {
        axis.append(" ".repeat(column - axis.length())).append(label);
      }
    }
    return axis.toString();
  }

  /** The smallest of 1, 2, 5, 10, 20, 50, ... ms that is at least {@code nanos}. */
  static long niceStepMs(long nanos) {
    for (long magnitude = 1; ; magnitude *= 10) {
      for (long step : NICE_STEPS_MS) {
        if (step * magnitude * 1_000_000 >= nanos) {
          return step * magnitude;
        }
      }
    }
  }

  /** How far the run's drawing reaches: its wall time, or its last attempt's end if later. */
  private static long extent(RunMeasurement run) {
    long lastEnd = run.attempts().stream().mapToLong(a -> a.endNanos() - run.startNanos()).max().orElse(0);
    return Math.max(1, Math.max(run.wallNanos(), lastEnd));
  }

  private static long ceilDiv(long a, long b) {
    return Math.ceilDiv(a, b);
  }
}
