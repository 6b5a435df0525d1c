package dev.fxmatrix.cli;

import dev.fxmatrix.api.FrankfurterApi;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.run.Version;
import dev.fxmatrix.strategy.Strategy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options a run and {@code bench} share: how requests are sent and paced, and which API they go
 * to. One declaration, one set of rules ({@link #check}), for both commands.
 */
final class FetchMixin {
  /** Worker processes beyond this many CPUs' worth only add JVM starts, and can swamp a machine. */
  static final int PROCESSES_PER_CPU = 4;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "4", converter = Converters.AtLeastOne.class,
      description = "Threads of the pool strategy, worker processes of process (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--api-url", paramLabel = "URL", converter = Converters.UrlConverter.class,
      defaultValue = "${env:FXMATRIX_API_URL:-" + FrankfurterApi.DEFAULT_URL + "}",
      description = "Frankfurter-compatible API (env FXMATRIX_API_URL; default: ${DEFAULT-VALUE}).")
  HttpUrl apiUrl;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Converters.DateConverter.class,
      description = "Rates of that day (default: the latest). A day without rates gives the previous one.")
  LocalDate date;

  @Option(names = "--rate", paramLabel = "R", converter = Converters.RateConverter.class,
      description = "At most R requests per second, fractions allowed (default: no limit until the server answers 429).")
  Double rate;

  @Option(names = "--burst", paramLabel = "B", defaultValue = "1", converter = Converters.AtLeastOne.class,
      description = "With --rate: requests that may go at once after idling (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = Converters.PositiveDuration.class,
      description = "Bound of each request, connect to last byte, e.g. 500ms or 10s (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3", converter = Converters.AtLeastZero.class,
      description = "Retries of a failed request (timeout, connection error, 429, 5xx) (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--demo",
      description = "Use the embedded API (ECB rates, offline), started on a free loopback port.")
  boolean demo;

  @Option(names = "--demo-latency", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Latency of the embedded API (default: 80ms; bench: 100ms).")
  Duration demoLatency;

  @Option(names = "--demo-jitter", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Latency jitter of the embedded API, uniform ± (default: 20ms; bench: none, so runs compare).")
  Duration demoJitter;

  boolean given(String option) {
    return command.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** The fetch options these give; the embedded API's URL replaces {@code --api-url} with {@link #usesDemo}. */
  FetchOptions fetchOptions(String userAgentSuffix) {
    return new FetchOptions(
        apiUrl, "fxmatrix/" + Version.get() + userAgentSuffix, date, timeout, retries, new Throttle.Options(rate, burst), null);
  }

  /** {@code bench} measures the embedded API unless told another; a run uses it only with {@code --demo}. */
  boolean usesDemo(boolean byDefault) {
    return demo || (byDefault && !given("--api-url"));
  }

  RunOptions.Demo demoOptions(Duration latency, Duration jitter) {
    return new RunOptions.Demo(demoLatency == null ? latency : demoLatency, demoJitter == null ? jitter : demoJitter);
  }

  /**
   * The rules every command applies alike: no option that would be ignored, none that conflicts.
   *
   * @param strategies the strategies the command will run
   * @param demoByDefault whether the command uses the embedded API unless given {@code --api-url}
   */
  void check(Collection<Strategy> strategies, boolean demoByDefault) {
    if (demo && given("--api-url")) {
      throw UsageError.of(command, "--api-url", "cannot go with --demo: use one API or the other");
    }
    for (String option : new String[] {"--demo-latency", "--demo-jitter"}) {
      if (given(option) && !usesDemo(demoByDefault)) {
        throw UsageError.of(command, option, "applies to the embedded API only, " + (demoByDefault ? "not to --api-url" : "so give --demo too"));
      }
    }
    if (given("--burst") && rate == null) {
      throw UsageError.of(command, "--burst", "applies only with --rate");
    }
    if (given("--threads") && strategies.stream().noneMatch(Strategy::usesThreads)) {
      throw UsageError.of(command, "--threads",
          "means nothing to " + strategies.stream().map(Strategy::cliName).collect(Collectors.joining(", "))
              + "; only pool and process use it");
    }
    int maxProcesses = PROCESSES_PER_CPU * Runtime.getRuntime().availableProcessors();
    if (strategies.contains(Strategy.PROCESS) && threads > maxProcesses) {
      throw UsageError.of(command, "--threads",
          threads + " worker processes are more than this machine's " + Runtime.getRuntime().availableProcessors()
              + " CPUs can start in good time; give at most " + maxProcesses + " with the process strategy");
    }
  }
}
