package dev.fxmatrix.cli;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.FrankfurterV1;
import dev.fxmatrix.api.Provider;
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
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options a run and {@code bench} share: how requests are sent and paced, and which API they go
 * to. One declaration, one set of rules ({@link #check}), for both commands; declared with
 * picocli's programmatic API (see {@link Opt} for why).
 */
final class FetchMixin {
  /** Worker processes beyond this many CPUs' worth only add JVM starts, and can swamp a machine. */
  static final int PROCESSES_PER_CPU = 4;

  /** The command these options were added to, for what the user gave ({@link #given}). */
  private CommandSpec command;

  int threads;
  List<String> providers;
  List<Converters.ApiUrl> apiUrls;
  LocalDate date;
  Double rate;
  int burst;
  Duration timeout;
  int retries;
  Path cacheDir;
  boolean noCache;
  boolean offline;
  Duration staleIfError;
  Duration maxAge;
  boolean demo;
  Duration demoLatency;
  List<String> demoDown;
  Duration demoJitter;

  /** Adds these options to {@code spec} where {@code before}, and the options after it, were. */
  void addTo(CommandSpec spec, String before) {
    List<OptionSpec> later = new ArrayList<>(spec.options().subList(spec.options().indexOf(spec.findOption(before)), spec.options().size()));
    later.forEach(spec::remove);
    addTo(spec);
    later.forEach(spec::addOption);
  }

  /** Adds these options to {@code spec}, in the order its help lists them. */
  void addTo(CommandSpec spec) {
    command = spec;
    spec.addOption(Opt.of("-t", "--threads").label("N").defaults("4")
        .help("Threads of the pool strategy, worker processes of process (default: ${DEFAULT-VALUE}).")
        .value(Integer.class, new Converters.AtLeastOne(), v -> threads = v));
    spec.addOption(Opt.of("--provider").label("NAME[,NAME...]").defaults("${env:FXMATRIX_PROVIDER:-" + FrankfurterV1.NAME + "}")
        .help("FX APIs to ask, in order: a base one fails is asked of the next (env FXMATRIX_PROVIDER; default: ${DEFAULT-VALUE}).")
        .list(String.class, new Converters.ProvidersConverter(), v -> providers = v));
    spec.addOption(Opt.of("--api-url").label("[NAME=]URL")
        .help("Where a provider is reached, e.g. frankfurter=http://host/v1; a bare URL is the first provider's"
            + " (env FXMATRIX_API_URL; default: each provider's own, " + FrankfurterV1.DEFAULT_URL + " for frankfurter). Repeatable.")
        .repeatable(Converters.ApiUrl.class, new Converters.ApiUrlConverter(), v -> apiUrls = v));
    spec.addOption(Opt.of("--date").label("YYYY-MM-DD")
        .help("Rates of that day (default: the latest). A day without rates gives the previous one.")
        .value(LocalDate.class, new Converters.DateConverter(), v -> date = v));
    spec.addOption(Opt.of("--rate").label("R")
        .help("At most R requests per second, fractions allowed (default: no limit until the server answers 429).")
        .value(Double.class, new Converters.RateConverter(), v -> rate = v));
    spec.addOption(Opt.of("--burst").label("B").defaults("1")
        .help("With --rate: requests that may go at once after idling (default: ${DEFAULT-VALUE}).")
        .value(Integer.class, new Converters.AtLeastOne(), v -> burst = v));
    spec.addOption(Opt.of("--timeout").label("DURATION").defaults("10s")
        .help("Bound of each request, connect to last byte, e.g. 500ms or 10s (default: ${DEFAULT-VALUE}).")
        .value(Duration.class, new Converters.PositiveDuration(), v -> timeout = v));
    spec.addOption(Opt.of("--retries").label("N").defaults("3")
        .help("Retries of a failed request (timeout, connection error, 429, 5xx) (default: ${DEFAULT-VALUE}).")
        .value(Integer.class, new Converters.AtLeastZero(), v -> retries = v));
    spec.addOption(Opt.of("--cache-dir").label("DIR")
        .help("The HTTP cache's folder (env FXMATRIX_CACHE_DIR; default: $XDG_CACHE_HOME/fxmatrix, else ~/.cache/fxmatrix;"
            + " bench: no cache unless given).")
        .value(Path.class, Path::of, v -> cacheDir = v));
    spec.addOption(Opt.of("--no-cache").help("No HTTP cache: every answer from the server, none kept.").flag(v -> noCache = v));
    spec.addOption(Opt.of("--offline").help("No network at all: every row from the cache, of any age.").flag(v -> offline = v));
    spec.addOption(Opt.of("--stale-if-error").label("DURATION")
        .help("When a base fails everywhere, use a cached answer fetched at most DURATION ago (alone: of any age).")
        .optionalValue(Duration.class, new Converters.AgeConverter(), "any", v -> staleIfError = v));
    spec.addOption(Opt.of("--max-age").label("DURATION")
        .help("Fail a row whose rates were published longer ago than DURATION, e.g. 3d (default: any age, with a warning past 3 business days).")
        .value(Duration.class, new Converters.PositiveDuration(), v -> maxAge = v));
    spec.addOption(Opt.of("--demo").help("Use the embedded API (ECB rates, offline), started on a free loopback port.")
        .flag(v -> demo = v));
    spec.addOption(Opt.of("--demo-latency").label("DURATION").help("Latency of the embedded API (default: 80ms; bench: 100ms).")
        .value(Duration.class, new DurationConverter(), v -> demoLatency = v));
    spec.addOption(Opt.of("--demo-down").label("NAME[,NAME...]")
        .help("With --demo: providers whose embedded server is not started, so their requests are refused (to watch failover).")
        .list(String.class, new Converters.ProvidersConverter(), v -> demoDown = v));
    spec.addOption(Opt.of("--demo-jitter").label("DURATION")
        .help("Latency jitter of the embedded API, uniform ± (default: 20ms; bench: none, so runs compare).")
        .value(Duration.class, new DurationConverter(), v -> demoJitter = v));
  }

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
      return new FetchOptions.Caching(null, false, null, maxAge); // --max-age holds for rows from the network too
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
    for (Converters.ApiUrl url : apiUrls()) {
      String provider = url.provider() == null ? providers.getFirst() : url.provider();
      String problem = Providers.checkUrl(provider, url.url()); // a bare URL's provider is known only now
      if (problem != null) {
        throw UsageError.of(command, "--api-url", "'" + url + "' for " + provider + ": " + problem);
      }
      if (!urls.containsKey(provider)) {
        throw UsageError.of(command, "--api-url", "'" + url + "' is for " + provider + ", which --provider does not name ("
            + String.join(",", providers) + ")");
      }
      if (!urls.get(provider).isEmpty() && Providers.defaultUrls(provider).size() == 1) {
        throw UsageError.of(command, "--api-url", "'" + url + "' is a second URL for " + provider
            + ", which is asked at one; only a provider with a fallback host (currency-api) takes more");
      }
      urls.get(provider).add(url.url());
    }
    List<Endpoint> chain = new ArrayList<>();
    urls.forEach((provider, given) -> chain.add(new Endpoint(provider, given)));
    return chain;
  }

  /**
   * {@code --api-url}'s URLs, else {@code FXMATRIX_API_URL}'s. Read here rather than as picocli's
   * default, which picocli converts on every parse: {@code --help} would fail on a bad one, and
   * pays ~40 ms for OkHttp's URL parser on a good one.
   */
  private List<Converters.ApiUrl> apiUrls() {
    if (apiUrls != null) {
      return apiUrls;
    }
    String fromEnv = System.getenv("FXMATRIX_API_URL");
    if (fromEnv == null) {
      return List.of();
    }
    try {
      return List.of(new Converters.ApiUrlConverter().convert(fromEnv));
    } catch (TypeConversionException e) {
      throw UsageError.of(command, "--api-url", e.getMessage());
    }
  }

  /** The chain's providers, built only to ask what they can do (the engine builds its own). */
  private Stream<Provider> providers() {
    return chain().stream().map(endpoint -> Providers.create(endpoint, "fxmatrix"));
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
   * A code no provider of the chain can carry is refused before anything is sent, not found out
   * from a 404 per row: {@code option} names where it was given.
   */
  void checkCodes(String option, List<String> codes) {
    if (providers().allMatch(Provider::carriesIsoCodesOnly)) {
      for (String code : codes) {
        if (!Providers.isIsoCode(code)) {
          throw UsageError.of(command, option, "'" + code + "' is not an ISO 4217 currency code, so " + String.join(" or ", providers)
              + " cannot have it (fxmatrix currencies lists what a provider carries)");
        }
      }
    }
  }

  /**
   * The rules every command applies alike: no option that would be ignored, none that conflicts.
   *
   * @param strategies the strategies the command will run
   * @param demoByDefault whether the command uses the embedded API unless given {@code --api-url}
   */
  void check(Collection<Strategy> strategies, boolean demoByDefault) {
    if (date != null && providers().noneMatch(Provider::servesDates)) {
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
      if (given(option) && (demoByDefault || demo) && cacheDir == null) {
        throw UsageError.of(command, option, "needs the cache, which " + (demoByDefault ? "bench" : "--demo") + " uses only when given --cache-dir");
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
