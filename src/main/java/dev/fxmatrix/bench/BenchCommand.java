package dev.fxmatrix.bench;

import dev.fxmatrix.cli.OptionValues;
import dev.fxmatrix.cli.OptionValues.BadValue;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Strategy;
import dev.fxmatrix.run.MatrixRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fxmatrix bench}: options in, a validated {@link BenchOptions} out to {@link Bench}. */
@Command(
    name = "bench",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Run each strategy several times in one JVM against the same server and compare them:"
          + " median, min and max time, requests per second, peak requests in flight, failures,"
          + " and the ideal time each strategy could reach at the measured latency.",
      "Results go to stdout; a progress line goes to stderr when it is a terminal."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0    every run fetched every base",
      "  1    a fetch failed (the report still shows the numbers), or the server did not answer",
      "  2    bad usage: nothing was sent"
    })
public final class BenchCommand implements Callable<Integer> {
  /** The 30 currencies the ECB publishes reference rates for, and EUR. */
  static final String ECB_CURRENCIES =
      "USD,JPY,CZK,DKK,GBP,HUF,PLN,RON,SEK,CHF,ISK,NOK,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR,EUR";

  @Spec CommandSpec spec;

  @Option(names = "--strategies", paramLabel = "NAME,...",
      description = "Strategies to compare, in this order (default: every one --strategy accepts, in its order).")
  String strategies;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Timed runs per strategy (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Untimed runs per strategy before the timed ones (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "4",
      description = "Threads of the pool strategy, worker processes of process (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--rate", paramLabel = "R",
      description = "At most R requests per second in each run, fractions allowed (default: no limit).")
  String rate;

  @Option(names = {"-b", "--bases"}, paramLabel = "USD,EUR,...", defaultValue = ECB_CURRENCIES,
      description = "Base currencies, one request each (default: the ECB's 30: ${DEFAULT-VALUE}).")
  String bases;

  @Option(names = "--symbols", paramLabel = "USD,EUR,...",
      description = "Currencies asked for with each base (default: the bases).")
  String symbols;

  @Option(names = "--demo",
      description = "Measure against the embedded API, started in-process on a loopback port (the default).")
  boolean demo;

  @Option(names = "--api-url", paramLabel = "URL",
      description = "Measure against this Frankfurter-compatible API instead; mind that a benchmark"
          + " sends (warm-up + runs) × strategies × bases requests.")
  String apiUrl;

  @Option(names = "--demo-latency", paramLabel = "DURATION", defaultValue = "100ms",
      description = "Latency of the embedded API, without jitter so runs compare (default: ${DEFAULT-VALUE}).")
  String demoLatency;

  @Option(names = "--timeline",
      description = "Also draw one run of each strategy: a line per worker, a bar per request.")
  boolean timeline;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() {
    BenchOptions options;
    try {
      options = options();
    } catch (BadValue e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new Bench(spec.commandLine().getOut(), spec.commandLine().getErr(), Terminal.stderrIsTerminal())
        .run(options);
  }

  private BenchOptions options() {
    List<String> baseList = OptionValues.currencies("--bases", bases);
    List<String> symbolList = symbols == null ? baseList : OptionValues.currencies("--symbols", symbols);
    if (MatrixRunner.jobs(baseList, symbolList).stream().noneMatch(Job::needsRequest)) {
      throw new BadValue("--symbols: no base has a symbol other than itself, so there is nothing to measure");
    }
    BenchFormat benchFormat =
        BenchFormat.byName(format.trim())
            .orElseThrow(
                () -> new BadValue("--format: unknown format '" + format + "', expected one of " + BenchFormat.cliNames()));
    if (timeline && benchFormat == BenchFormat.CSV) {
      throw new BadValue("--timeline does not fit in CSV: use it with --format table or json");
    }
    return new BenchOptions(
        strategies == null ? List.of(Strategy.values()) : strategies(strategies),
        OptionValues.atLeast("--runs", runs, 1),
        OptionValues.atLeast("--warmup", warmup, 0),
        OptionValues.atLeast("--threads", threads, 1),
        OptionValues.rate(rate),
        baseList,
        symbolList,
        api(),
        timeline,
        benchFormat,
        Terminal.width(System.getenv(), Terminal::terminalColumns));
  }

  private ApiTarget api() {
    boolean latencyGiven = spec.commandLine().getParseResult().hasMatchedOption("--demo-latency");
    if (apiUrl != null) {
      if (demo) {
        throw new BadValue("--demo and --api-url exclude each other: measure one server or the other");
      }
      if (latencyGiven) {
        throw new BadValue("--demo-latency applies to the embedded API only, not to --api-url");
      }
      return new ApiTarget.Remote(OptionValues.apiUrl(apiUrl));
    }
    return new ApiTarget.Demo(OptionValues.duration("--demo-latency", demoLatency, true));
  }

  /** {@code pool,virtual} in the order given; each strategy once. */
  static List<Strategy> strategies(String text) {
    if (text.isBlank()) {
      throw new BadValue("--strategies is empty: give one or more of " + Strategy.names());
    }
    List<Strategy> list = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String name = item.trim();
      if (name.isEmpty()) {
        throw new BadValue("--strategies has an empty item in '" + text + "': give names like pool,virtual");
      }
      Strategy strategy =
          Strategy.byName(name)
              .orElseThrow(
                  () -> new BadValue("--strategies: unknown strategy '" + name + "'; choose from " + Strategy.names()));
      if (list.contains(strategy)) {
        throw new BadValue("--strategies lists " + strategy.cliName() + " twice");
      }
      list.add(strategy);
    }
    return List.copyOf(list);
  }
}
