package dev.fxmatrix.run;

import dev.fxmatrix.fetch.Strategy;
import dev.fxmatrix.output.OutputFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Everything a run needs, already validated: the command line's picocli class builds it, the
 * benchmark builds its own.
 *
 * @param date null for the latest rates
 * @param rate requests per second, null for no limit (until a server answers 429)
 * @param output null for stdout
 * @param demo the embedded API to start, null to use {@code apiUrl}
 */
public record RunOptions(
    List<String> bases,
    List<String> symbols,
    Strategy strategy,
    int threads,
    HttpUrl apiUrl,
    LocalDate date,
    OutputFormat format,
    boolean quiet,
    boolean verbose,
    Double rate,
    int burst,
    Duration timeout,
    int retries,
    Path output,
    boolean allowPartial,
    DemoOptions demo) {

  public RunOptions {
    bases = List.copyOf(bases);
    symbols = List.copyOf(symbols);
  }

  /** The embedded API's latency for {@code --demo}. */
  public record DemoOptions(Duration latency, Duration jitter) {}
}
