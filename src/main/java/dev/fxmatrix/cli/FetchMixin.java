package dev.fxmatrix.cli;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.FrankfurterV1;
import dev.fxmatrix.api.Providers;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.run.Version;
import dev.fxmatrix.strategy.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  @Option(names = "--provider", paramLabel = "NAME[,NAME...]", converter = Converters.ProvidersConverter.class,
      defaultValue = "${env:FXMATRIX_PROVIDER:-" + FrankfurterV1.NAME + "}",
      description = "FX APIs to ask, in order: a base one fails is asked of the next (env FXMATRIX_PROVIDER; default: ${DEFAULT-VALUE}).")
  List<String> providers;

  @Option(names = "--api-url", paramLabel = "[NAME=]URL", converter = Converters.ApiUrlConverter.class,
      defaultValue = "${env:FXMATRIX_API_URL}",
      description = "Where a provider is reached, e.g. frankfurter=http://host/v1; a bare URL is the first provider's"
          + " (env FXMATRIX_API_URL; default: each provider's own, " + FrankfurterV1.DEFAULT_URL + " for frankfurter). Repeatable.")
  List<Converters.ApiUrl> apiUrls;

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

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "The HTTP cache's folder (env FXMATRIX_CACHE_DIR; default: $XDG_CACHE_HOME/fxmatrix, else ~/.cache/fxmatrix;"
          + " bench: no cache unless given).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "No HTTP cache: every answer from the server, none kept.")
  boolean noCache;

  @Option(names = "--offline", description = "No network at all: every row from the cache, of any age.")
  boolean offline;

  @Option(names = "--stale-if-error", paramLabel = "DURATION", arity = "0..1", fallbackValue = "any",
      converter = Converters.AgeConverter.class,
      description = "When a base fails everywhere, use a cached answer fetched at most DURATION ago (alone: of any age).")
  Duration staleIfError;

  @Option(names = "--max-age", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
      description = "Fail a row whose rates were published longer ago than DURATION, e.g. 3d (default: any age, with a warning past 3 business days).")
  Duration maxAge;

  @Option(names = "--demo",
      description = "Use the embedded API (ECB rates, offline), started on a free loopback port.")
  boolean demo;

  @Option(names = "--demo-latency", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Latency of the embedded API (default: 80ms; bench: 100ms).")
  Duration demoLatency;

  @Option(names = "--demo-down", paramLabel = "NAME[,NAME...]", converter = Converters.ProvidersConverter.class,
      description = "With --demo: providers whose embedded server is not started, so their requests are refused (to watch failover).")
  List<String> demoDown;

  @Option(names = "--demo-jitter", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Latency jitter of the embedded API, uniform ± (default: 20ms; bench: none, so runs compare).")
  Duration demoJitter;

  boolean given(String option) {
    return command.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** The fetch options these give; the embedded API's URLs replace {@code --api-url}'s with {@link #usesDemo}. */
  FetchOptions fetchOptions(String userAgentSuffix, boolean cacheByDefault) {
    return new FetchOptions(
        chain(), "fxmatrix/" + Version.get() + userAgentSuffix, date, timeout, retries, new Throttle.Options(rate, burst),
        caching(cacheByDefault), null);
  }

  /** The HTTP cache: on by default for a run, off unless asked for bench and for the process strategy's workers. */
  private FetchOptions.Caching caching(boolean byDefault) {
    if (noCache || (!byDefault && cacheDir == null)) {
      return FetchOptions.Caching.OFF;
    }
    return new FetchOptions.Caching(cacheDir == null ? defaultCacheDir() : cacheDir, offline, staleIfError, maxAge);
  }

  /** {@code FXMATRIX_CACHE_DIR}, else {@code $XDG_CACHE_HOME/fxmatrix}, else {@code ~/.cache/fxmatrix}: where the launcher keeps its archives too. */
  static Path defaultCacheDir() {
    String own = System.getenv("FXMATRIX_CACHE_DIR");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("fxmatrix");
  }

  /** The providers in order, each with the URLs {@code --api-url} gave it. */
  List<Endpoint> chain() {
    Map<String, List<String>> urls = new LinkedHashMap<>();
    providers.forEach(name -> urls.put(name, new ArrayList<>()));
    for (Converters.ApiUrl url : apiUrls == null ? List.<Converters.ApiUrl>of() : apiUrls) {
      String provider = url.provider() == null ? providers.getFirst() : url.provider();
      String problem = Providers.checkUrl(provider, url.url()); // a bare URL's provider is known only now
      if (problem != null) {
        throw UsageError.of(command, "--api-url", "'" + url + "' for " + provider + ": " + problem);
      }
      if (!urls.containsKey(provider)) {
        throw UsageError.of(command, "--api-url", "'" + url + "' is for " + provider + ", which --provider does not name ("
            + String.join(",", providers) + ")");
      }
      urls.get(provider).add(url.url());
    }
    List<Endpoint> chain = new ArrayList<>();
    urls.forEach((provider, given) -> chain.add(new Endpoint(provider, given)));
    return chain;
  }

  /** {@code bench} measures the embedded API unless told another; a run uses it only with {@code --demo}. */
  boolean usesDemo(boolean byDefault) {
    return demo || (byDefault && !given("--api-url"));
  }

  RunOptions.Demo demoOptions(Duration latency, Duration jitter) {
    return new RunOptions.Demo(
        demoLatency == null ? latency : demoLatency, demoJitter == null ? jitter : demoJitter,
        demoDown == null ? List.of() : demoDown);
  }

  /**
   * The rules every command applies alike: no option that would be ignored, none that conflicts.
   *
   * @param strategies the strategies the command will run
   * @param demoByDefault whether the command uses the embedded API unless given {@code --api-url}
   */
  void check(Collection<Strategy> strategies, boolean demoByDefault) {
    if (date != null && chain().stream().noneMatch(e -> Providers.servesDates(e.provider()))) {
      throw UsageError.of(command, "--date", String.join(",", providers) + " serves only the latest rates; give a provider with past days too");
    }
    if (demo && given("--api-url")) {
      throw UsageError.of(command, "--api-url", "cannot go with --demo: use one API or the other");
    }
    if (demoDown != null && !providers.containsAll(demoDown)) {
      throw UsageError.of(command, "--demo-down", String.join(",", demoDown) + " names a provider --provider does not (" + String.join(",", providers) + ")");
    }
    for (String option : new String[] {"--demo-latency", "--demo-jitter", "--demo-down"}) {
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
    for (String option : new String[] {"--offline", "--stale-if-error", "--cache-dir"}) {
      if (given(option) && noCache) {
        throw UsageError.of(command, option, "needs the cache, and --no-cache turns it off");
      }
      if (given(option) && strategies.contains(Strategy.PROCESS)) {
        throw UsageError.of(command, option, "cannot go with the process strategy: its workers are other processes, and the HTTP cache is one process's at a time");
      }
    }
    if (offline && given("--stale-if-error")) {
      throw UsageError.of(command, "--stale-if-error", "means nothing with --offline, which takes every row from the cache anyway");
    }
    for (String option : new String[] {"--offline", "--stale-if-error"}) {
      if (given(option) && demoByDefault && cacheDir == null) {
        throw UsageError.of(command, option, "needs the cache, which bench uses only when given --cache-dir");
      }
    }
    int maxProcesses = PROCESSES_PER_CPU * Runtime.getRuntime().availableProcessors();
    if (strategies.contains(Strategy.PROCESS) && threads > maxProcesses) {
      throw UsageError.of(command, "--threads",
          threads + " worker processes are more than this machine's " + Runtime.getRuntime().availableProcessors()
              + " CPUs can start in good time; give at most " + maxProcesses + " with the process strategy");
    }
  }
}
