package dev.fxmatrix.run;

import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.output.OutputFormat;
import dev.fxmatrix.strategy.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run needs, already validated by the command line.
 *
 * @param fetch how to fetch; its API URL is replaced by the embedded API's with {@code demo}
 * @param output null for stdout
 * @param strict rows of different days, or cells the API left out, fail the run (exit 1)
 * @param maxTime the whole run's bound, null for none
 * @param demo the embedded API to start and use, null for none
 */
public record RunOptions(
    List<String> bases,
    List<String> symbols,
    Strategy strategy,
    int threads,
    FetchOptions fetch,
    OutputFormat format,
    Path output,
    boolean allowPartial,
    boolean quiet,
    boolean verbose,
    boolean strict,
    Duration maxTime,
    Demo demo) {

  public RunOptions {
    bases = List.copyOf(bases);
    symbols = List.copyOf(symbols);
  }

  /** {@code --demo}: the embedded API's latency, and the providers it plays as down ({@code --demo-down}). */
  public record Demo(Duration latency, Duration jitter, List<String> down) {
    public Demo {
      down = List.copyOf(down);
    }

    public Demo(Duration latency, Duration jitter) {
      this(latency, jitter, List.of());
    }
  }
}
