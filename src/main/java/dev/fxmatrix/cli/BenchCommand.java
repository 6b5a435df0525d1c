package dev.fxmatrix.cli;

import dev.fxmatrix.bench.ApiTarget;
import dev.fxmatrix.bench.Bench;
import dev.fxmatrix.bench.BenchFormat;
import dev.fxmatrix.bench.BenchOptions;
import dev.fxmatrix.bench.Terminal;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.run.MatrixRunner;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.strategy.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fxmatrix bench}: typed options in, a {@link BenchOptions} out to {@link Bench}. */
@Command(
    name = "bench",
    sortOptions = false,
    description = {
      BenchCommand.SUMMARY,
      "Results go to stdout; a progress line goes to stderr when it is a terminal."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0    every run fetched every base",
      "  1    a fetch failed (the report still shows the numbers), or the server did not answer",
      "  2    bad usage: nothing was sent"
    })
public final class BenchCommand implements Callable<Integer> {
  /** The first line of its help, which fxmatrix --help lists too. */
  static final String SUMMARY =
      "Run each strategy several times in one JVM against the same server and compare them:"
          + " median, min and max time, requests per second, peak requests in flight, failures,"
          + " and the ideal time each strategy could reach at the measured latency.";

  /** The 30 currencies the ECB publishes reference rates for, and EUR. */
  static final String ECB_CURRENCIES =
      "USD,JPY,CZK,DKK,GBP,HUF,PLN,RON,SEK,CHF,ISK,NOK,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR,EUR";

  @Spec CommandSpec spec;

  /** The command with its annotated options and, before {@code --timeline}, the shared fetch options. */
  static CommandSpec create() {
    BenchCommand bench = new BenchCommand();
    CommandSpec spec = new CommandLine(bench).getCommandSpec();
    spec.usageMessage().autoWidth(FxMatrixCommand.autoWidth());
    bench.fetch.addTo(spec, "--timeline");
    return spec;
  }

  @Option(names = "--strategies", paramLabel = "NAME,...", converter = Converters.StrategiesConverter.class,
      description = "Strategies to compare, in this order (default: every one --strategy accepts, in its order).")
  List<Strategy> strategies;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5", converter = Converters.AtLeastOne.class,
      description = "Timed runs per strategy (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", converter = Converters.AtLeastZero.class,
      description = "Untimed runs per strategy before the timed ones (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = {"-b", "--bases"}, paramLabel = "USD,EUR,...", defaultValue = ECB_CURRENCIES,
      converter = Converters.CodesConverter.class,
      description = "Base currencies, one request each (default: the ECB's 30: ${DEFAULT-VALUE}).")
  Converters.Codes bases;

  @Option(names = "--symbols", paramLabel = "USD,EUR,...", converter = Converters.CodesConverter.class,
      description = "Currencies asked for with each base (default: the bases).")
  Converters.Codes symbols;

  final FetchMixin fetch = new FetchMixin();

  @Option(names = "--timeline",
      description = "Also draw one run of each strategy: a line per worker, a bar per request.")
  boolean timeline;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      converter = BenchFormatConverter.class,
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  BenchFormat format;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() {
    List<Strategy> chosen = strategies == null ? List.of(Strategy.values()) : strategies;
    fetch.check(chosen, true);
    List<String> baseList = bases.codes();
    List<String> symbolList = symbols == null ? baseList : symbols.codes();
    fetch.checkCodes("--bases", baseList);
    fetch.checkCodes("--symbols", symbolList);
    if (MatrixRunner.jobs(baseList, symbolList).stream().noneMatch(Job::needsRequest)) {
      throw UsageError.of(spec, "--symbols", "no base has a symbol other than itself, so there is nothing to measure");
    }
    if (timeline && format == BenchFormat.CSV) {
      throw UsageError.of(spec, "--timeline", "does not fit in CSV: use it with --format table or json");
    }
    // No jitter on the embedded API by default: runs and strategies compare, and ideal times are exact.
    RunOptions.Demo demo = fetch.demoOptions(Duration.ofMillis(100), Duration.ZERO);
    ApiTarget api = fetch.usesDemo(true) ? new ApiTarget.Demo(demo.latency(), demo.down()) : new ApiTarget.Remote(fetch.chain());
    BenchOptions options =
        new BenchOptions(
            chosen,
            runs,
            warmup,
            fetch.threads,
            fetch.fetchOptions(" bench", false),
            baseList,
            symbolList,
            api,
            timeline,
            format,
            Terminal.width(System.getenv(), Terminal::terminalColumns));
    return new Bench(spec.commandLine().getOut(), spec.commandLine().getErr(), Terminal.stderrIsTerminal())
        .run(options);
  }

  static final class BenchFormatConverter implements picocli.CommandLine.ITypeConverter<BenchFormat> {
    @Override
    public BenchFormat convert(String text) {
      return Converters.byName(BenchFormat.values(), BenchFormat::cliName, text);
    }
  }
}
