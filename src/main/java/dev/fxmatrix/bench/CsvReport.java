package dev.fxmatrix.bench;

import java.io.PrintWriter;

/**
 * {@code bench --format csv}: a header and one line per strategy, in the order asked for; times in
 * milliseconds with one decimal. Strategy names need no quoting.
 */
final class CsvReport {
  static final String HEADER =
      "strategy,runs,median_ms,min_ms,max_ms,requests_per_s,peak_in_flight,failures,ideal_ms,latency_ms";

  private CsvReport() {}

  static void write(BenchResult result, PrintWriter out) {
    out.print(HEADER + "\n");
    for (StrategyResult s : result.strategies()) {
      out.print(
          String.join(
                  ",",
                  s.strategy().cliName(),
                  String.valueOf(s.runs()),
                  Millis.plain(s.medianNanos()).toPlainString(),
                  Millis.plain(s.minNanos()).toPlainString(),
                  Millis.plain(s.maxNanos()).toPlainString(),
                  Millis.oneDecimal(s.requestsPerSecond()).toPlainString(),
                  String.valueOf(s.peakInFlight()),
                  String.valueOf(s.failures()),
                  Millis.plain(s.idealNanos()).toPlainString(),
                  Millis.plain(s.latencyNanos()).toPlainString())
              + "\n");
    }
    out.flush();
  }
}
