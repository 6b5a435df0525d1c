package dev.fxmatrix.cli;

import dev.fxmatrix.output.OutputFormat;
import dev.fxmatrix.run.ExitCode;
import dev.fxmatrix.run.MatrixRunner;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.run.Version;
import dev.fxmatrix.strategy.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code fxmatrix} command line: typed options in, a {@link RunOptions} out to {@link MatrixRunner}. */
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
  private static final Set<String> SUBCOMMANDS = Set.of("serve", "bench", "cache", "currencies", "worker", "aot-training");

  @Spec CommandSpec spec;

  @Option(names = {"-b", "--bases"}, paramLabel = "USD,EUR,...", defaultValue = DEFAULT_BASES,
      converter = Converters.CodesConverter.class,
      description = "Base currencies, one row each, in this order (default: ${DEFAULT-VALUE}).")
  Converters.Codes bases;

  @Option(names = "--symbols", paramLabel = "USD,EUR,...", converter = Converters.CodesConverter.class,
      description = "Columns (default: the bases).")
  Converters.Codes symbols;

  @Option(names = {"-s", "--strategy"}, paramLabel = "NAME", defaultValue = "pool",
      converter = Converters.StrategyConverter.class,
      description = "sequential, thread-per-item, pool, virtual, async or process (default: ${DEFAULT-VALUE}).")
  Strategy strategy;

  @Mixin FetchMixin fetch;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      converter = Converters.FormatConverter.class,
      description = "table, grid, csv or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = Converters.OutputConverter.class,
      description = "Write to FILE (a regular file atomically, keeping its permissions), and only if every base"
          + " succeeded (see --allow-partial); - is stdout.")
  Path output; // null for stdout (also "-o -")

  @Option(names = "--allow-partial",
      description = "With --output: write the file even when some bases failed.")
  boolean allowPartial;

  @Option(names = "--max-time", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
      description = "Bound of the whole run, waits and retries included; rows still open then fail (default: none).")
  Duration maxTime;

  @Option(names = "--strict",
      description = "Rows of different days, or cells the API left out (n/a), fail the run: exit 1 (default: a warning).")
  boolean strict;

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
          .addSubcommand(new CacheCommand())
          .addSubcommand(new CurrenciesCommand())
          .addSubcommand(new WorkerCommand())
          .addSubcommand(new TrainCommand());
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(UsageError::report);
    commandLine.setExecutionStrategy(FxMatrixCommand::execute);
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

  /** Runs the last command given, as picocli does; but options of ours before a subcommand are refused, not dropped. */
  private static int execute(ParseResult parseResult) {
    if (parseResult.hasSubcommand()) {
      for (OptionSpec option : parseResult.matchedOptions()) {
        if (!option.usageHelp() && !option.versionHelp()) {
          String subcommand = parseResult.subcommand().commandSpec().name();
          throw UsageError.of(parseResult.commandSpec(), option.longestName(),
              "given before '" + subcommand + "', where it would be ignored; put options after the subcommand they are for");
        }
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  @Override
  public Integer call() {
    fetch.check(List.of(strategy), false);
    if (allowPartial && output == null) {
      throw UsageError.of(spec, "--allow-partial", "applies only with --output: stdout gets every row that succeeded anyway");
    }
    List<String> baseList = bases.codes();
    RunOptions options =
        new RunOptions(
            baseList,
            symbols == null ? baseList : symbols.codes(),
            strategy,
            fetch.threads,
            // The embedded API's port changes every run, so its answers are not cached unless asked.
            fetch.fetchOptions("", strategy != Strategy.PROCESS && !fetch.usesDemo(false)),
            format,
            output,
            allowPartial,
            quiet,
            verbose,
            strict,
            maxTime,
            fetch.usesDemo(false) ? fetch.demoOptions(Duration.ofMillis(80), Duration.ofMillis(20)) : null);
    return new MatrixRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(options);
  }

  /** {@code --version}: the jar's version and the Java running it. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"fxmatrix " + Version.get() + " (Java " + Runtime.version() + ")"};
    }
  }
}
