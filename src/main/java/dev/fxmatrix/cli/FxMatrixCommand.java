package dev.fxmatrix.cli;

import dev.fxmatrix.api.FrankfurterApi;
import dev.fxmatrix.bench.BenchCommand;
import dev.fxmatrix.cli.ServeCommand;
import dev.fxmatrix.fetch.process.WorkerCommand;
import dev.fxmatrix.run.ExitCode;
import dev.fxmatrix.run.MatrixRunner;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.run.Version;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code fxmatrix} command line: options in, a validated {@link RunOptions} out to {@link MatrixRunner}. */
@Command(
    name = "fxmatrix",
    mixinStandardHelpOptions = true,
    versionProvider = FxMatrixCommand.VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Fetches foreign-exchange rates for several base currencies at once and prints them as a matrix.",
      "One request per base, scheduled by the chosen strategy, paced by one shared token bucket."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0    every base was fetched (and written, with --output)",
      "  1    one or more bases failed; the other rows are printed",
      "  2    bad usage: nothing was sent",
      "  130  interrupted (Ctrl-C)"
    })
public final class FxMatrixCommand implements Callable<Integer> {
  static final String DEFAULT_BASES = "USD,EUR,PLN,NOK,CZK";

  /** The names of the subcommands {@link #commandLine} registers: serve, bench and two hidden ones. */
  private static final Set<String> SUBCOMMANDS = Set.of("serve", "bench", "worker", "aot-training");

  @Spec CommandSpec spec;

  @Option(names = {"-b", "--bases"}, paramLabel = "USD,EUR,...", defaultValue = DEFAULT_BASES,
      description = "Base currencies, one row each, in this order (default: ${DEFAULT-VALUE}).")
  String bases;

  @Option(names = "--symbols", paramLabel = "USD,EUR,...",
      description = "Columns (default: the bases).")
  String symbols;

  @Option(names = {"-s", "--strategy"}, paramLabel = "NAME", defaultValue = "pool",
      description = "sequential, thread-per-item, pool, virtual, async or process (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "4",
      description = "Threads of the pool strategy, worker processes of process (default: ${DEFAULT-VALUE}); the others ignore it.")
  int threads;

  @Option(names = "--api-url", paramLabel = "URL", defaultValue = "${env:FXMATRIX_API_URL:-" + FrankfurterApi.DEFAULT_URL + "}",
      description = "Frankfurter-compatible API (env FXMATRIX_API_URL; default: ${DEFAULT-VALUE}).")
  String apiUrl;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Rates of that day (default: the latest). A day without rates gives the previous one.")
  String date;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, grid, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE atomically, and only if every base succeeded (see --allow-partial).")
  String output; // text, not Path: Path drops a trailing slash, which OptionValues.output refuses

  @Option(names = "--allow-partial",
      description = "With --output: write the file even when some bases failed.")
  boolean allowPartial;

  @Option(names = "--rate", paramLabel = "R",
      description = "At most R requests per second, fractions allowed (default: no limit until the server answers 429).")
  String rate;

  @Option(names = "--burst", paramLabel = "B", defaultValue = "1",
      description = "Requests that may go at once after idling (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "Bound of each request, connect to last byte, e.g. 500ms or 10s (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Retries of a failed request (timeout, connection error, 429, 5xx) (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--demo",
      description = "Start the embedded API (ECB rates, offline) on a free loopback port and use it.")
  boolean demo;

  @Option(names = "--demo-latency", paramLabel = "DURATION", defaultValue = "80ms",
      description = "Latency of the --demo API (default: ${DEFAULT-VALUE}).")
  String demoLatency;

  @Option(names = "--demo-jitter", paramLabel = "DURATION", defaultValue = "20ms",
      description = "Latency jitter of the --demo API (default: ${DEFAULT-VALUE}).")
  String demoJitter;

  @Option(names = {"-q", "--quiet"}, description = "No timing or date line on stderr.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Each request and its status on stderr, and stack traces.")
  boolean verbose;

  /**
   * The command line for {@code args} with fxmatrix's stream and error handling; shared by {@link
   * Main} and tests.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new FxMatrixCommand());
    if (mayNeedSubcommands(args)) {
      commandLine
          .addSubcommand(new ServeCommand())
          .addSubcommand(new BenchCommand())
          .addSubcommand(new WorkerCommand())
          .addSubcommand(new TrainCommand());
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(FxMatrixCommand::usageError);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          cl.getErr().println("fxmatrix: internal error: " + e);
          if (parseResult.hasMatchedOption("--verbose")) {
            e.printStackTrace(cl.getErr());
          }
          return ExitCode.FAILED;
        });
    return commandLine;
  }

  /**
   * Whether {@code args} may name a subcommand or ask for the help that lists them. picocli reads
   * every subcommand's annotations when it is registered, ~10 ms of each run's start (measured:
   * --version 96 -> 87 ms, a 33-base async run 284 -> 270 ms), so a plain run goes without. When
   * in doubt (a cluster of short options with an h in it), they are registered.
   */
  private static boolean mayNeedSubcommands(String... args) {
    for (String arg : args) {
      boolean shortOptions = arg.startsWith("-") && !arg.startsWith("--");
      if (SUBCOMMANDS.contains(arg) || arg.equals("--help") || (shortOptions && arg.indexOf('h') > 0)) {
        return true;
      }
    }
    return false;
  }

  /** One line, naming the option and what it allows; exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("fxmatrix: " + e.getMessage() + " (see fxmatrix --help)");
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public Integer call() {
    RunOptions options;
    try {
      options = options();
    } catch (OptionValues.BadValue e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new MatrixRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(options);
  }

  private RunOptions options() {
    List<String> baseList = OptionValues.currencies("--bases", bases);
    List<String> symbolList = symbols == null ? baseList : OptionValues.currencies("--symbols", symbols);
    return new RunOptions(
        baseList,
        symbolList,
        OptionValues.strategy(strategy),
        OptionValues.atLeast("--threads", threads, 1),
        demo ? null : OptionValues.apiUrl(apiUrl),
        // Today only when needed: it loads the time-zone rules, ~6 ms of a short run.
        date == null ? null : OptionValues.date(date, LocalDate.now()),
        OptionValues.format(format),
        quiet,
        verbose,
        OptionValues.rate(rate),
        OptionValues.atLeast("--burst", burst, 1),
        OptionValues.duration("--timeout", timeout, false),
        OptionValues.atLeast("--retries", retries, 0),
        OptionValues.output(output),
        allowPartial,
        demo
            ? new RunOptions.DemoOptions(
                OptionValues.duration("--demo-latency", demoLatency, true),
                OptionValues.duration("--demo-jitter", demoJitter, true))
            : null);
  }

  /** {@code --version}: the jar's version and the Java running it. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"fxmatrix " + Version.get() + " (Java " + Runtime.version() + ")"};
    }
  }
}
