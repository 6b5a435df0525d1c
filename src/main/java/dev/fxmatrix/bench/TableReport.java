package dev.fxmatrix.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --format table}: the settings, a results table, a bar chart of the medians with how
 * close each comes to its ideal, and with {@code --timeline} the timelines.
 */
final class TableReport {
  private TableReport() {}

  static void write(BenchResult result, PrintWriter out) {
    lines(result).forEach(out::println);
    out.flush();
  }

  static List<String> lines(BenchResult result) {
    BenchOptions options = result.options();
    List<String> lines = new ArrayList<>(Settings.describe(result));
    lines.add("");

    TextTable table = new TextTable("strategy", "runs", "median", "min", "max", "req/s", "peak", "failed", "ideal", "latency");
    for (StrategyResult s : result.strategies()) {
      table.row(
          s.strategy().cliName(),
          String.valueOf(s.runs()),
          Millis.number(s.medianNanos()),
          Millis.number(s.minNanos()),
          Millis.number(s.maxNanos()),
          String.format(Locale.ROOT, "%.1f", s.requestsPerSecond()),
          String.valueOf(s.peakInFlight()),
          String.valueOf(s.failures()),
          Millis.number(s.idealNanos()),
          Millis.number(s.latencyNanos()));
    }
    lines.addAll(table.lines());
    lines.add("times in ms; peak: requests in flight at most; latency: median of one request;");
    lines.add("ideal: the least time the strategy can take at that latency" + (options.rate() == null ? "" : " and rate"));
    lines.add("");

    lines.add("median time, and the ideal as a share of it (100% = at the limit)");
    List<BarChart.Bar> bars =
        result.strategies().stream()
            .map(
                s ->
                    new BarChart.Bar(
                        s.strategy().cliName(),
                        s.medianNanos(),
                        String.format(Locale.ROOT, "%s %4.0f%%", Millis.format(s.medianNanos()), 100 * s.ofIdeal())))
            .toList();
    lines.addAll(BarChart.render(bars, options.width()));

    if (options.timeline()) {
      lines.add("");
      lines.addAll(Timeline.render(result.strategies(), options.width()));
    }
    return lines;
  }
}
