package dev.fxmatrix.bench;

import dev.fxmatrix.strategy.Strategy;
import java.math.BigDecimal;
import java.util.List;

/** The benchmark's conditions in words: a result means little without them. */
final class Settings {
  private Settings() {}

  static List<String> describe(BenchResult result) {
    BenchOptions o = result.options();
    String requests =
        result.requests() + (result.requests() == 1 ? " request" : " requests") + " per run ("
            + o.bases().size() + " bases, " + o.symbols().size() + " symbols)";
    String pool = o.strategies().contains(Strategy.POOL) ? "; pool of " + o.threads() + " threads" : "";
    String processes = o.strategies().contains(Strategy.PROCESS) ? "; " + o.threads() + " worker processes" : "";
    return List.of(
        "fxmatrix bench: " + requests + " against " + result.api(),
        o.runs() + (o.runs() == 1 ? " run" : " runs") + " per strategy after " + o.warmup()
            + (o.warmup() == 1 ? " warm-up" : " warm-ups") + pool + processes + "; " + rate(o.rate())
            + "; Java " + Runtime.version().feature() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
  }

  static String rate(Double rate) {
    return rate == null
        ? "no rate limit"
        : "at most " + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString() + " requests/s";
  }
}
