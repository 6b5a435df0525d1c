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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code fxmatrix} command line: typed options in, a {@link RunOptions} out to {@link MatrixRunner}.
 *
 * <p>Declared with picocli's programmatic API rather than annotations, as every run builds it: see
 * {@link Opt}. Subcommands, built only when named, keep their annotations.
 */
public final class FxMatrixCommand implements Callable<Integer> {
  static final String DEFAULT_BASES = "USD,EUR,PLN,NOK,CZK";

  /** A subcommand, registered only when the arguments name it; help lists it by its summary unless null (hidden). */
  private record Subcommand(String name, String summary, Supplier<Object> create) {}

  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("serve", ServeCommand.SUMMARY, ServeCommand::new),
          new Subcommand("bench", BenchCommand.SUMMARY, BenchCommand::create),
          new Subcommand("cache", CacheCommand.SUMMARY, CacheCommand::new),
          new Subcommand("currencies", CurrenciesCommand.SUMMARY, CurrenciesCommand::new),
          new Subcommand("worker", null, WorkerCommand::new),
          new Subcommand("aot-training", null, TrainCommand::new));

  /**
   * picocli's own factory, made only when an annotated subcommand needs it: making it looks for
   * Groovy, which opens and indexes the jar (~9 ms of a short run). The root command's repeatable
   * options ({@code --api-url}, {@code --provider}) ask only for their {@code List}.
   */
  private static final CommandLine.IFactory FACTORY =
      new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
          return type == List.class ? type.cast(new ArrayList<>()) : CommandLine.defaultFactory().create(type);
        }
      };

  /**
   * picocli registers converters for the java.time and java.sql types on every start (~5 ms of
   * reflection and class initialisation); fxmatrix converts its own and needs none of them.
   */
  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  private CommandSpec spec;
  private final FetchMixin fetch = new FetchMixin();
  private Converters.Codes bases;
  private Converters.Codes symbols;
  private Strategy strategy;
  private OutputFormat format;
  private Path output; // null for stdout (also "-o -")
  private boolean allowPartial;
  private Duration maxTime;
  private boolean strict;
  private boolean quiet;
  private boolean verbose;

  private CommandSpec spec() {
    spec = CommandSpec.wrapWithoutInspection(this, FACTORY).name("fxmatrix").versionProvider(new VersionProvider());
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(autoWidth())
        .description(
            "Fetches foreign-exchange rates for several base currencies at once and prints them as a matrix.",
            "One request per base, scheduled by the chosen strategy, paced by one shared token bucket.")
        .footerHeading("%nExit codes:%n")
        .footer(
            "  0    every base was fetched (and written, with --output)",
            "  1    one or more bases failed; the other rows are printed",
            "  2    bad usage: nothing was sent",
            "  130  interrupted (Ctrl-C)");
    spec.addOption(Opt.of("-b", "--bases").label("USD,EUR,...").defaults(DEFAULT_BASES)
        .help("Base currencies, one row each, in this order (default: ${DEFAULT-VALUE}).")
        .value(Converters.Codes.class, new Converters.CodesConverter(), v -> bases = v));
    spec.addOption(Opt.of("--symbols").label("USD,EUR,...").help("Columns (default: the bases).")
        .value(Converters.Codes.class, new Converters.CodesConverter(), v -> symbols = v));
    spec.addOption(Opt.of("-s", "--strategy").label("NAME").defaults("pool")
        .help("sequential, thread-per-item, pool, virtual, async or process (default: ${DEFAULT-VALUE}).")
        .value(Strategy.class, new Converters.StrategyConverter(), v -> strategy = v));
    fetch.addTo(spec);
    spec.addOption(Opt.of("-f", "--format").label("FORMAT").defaults("table").help("table, grid, csv or json (default: ${DEFAULT-VALUE}).")
        .value(OutputFormat.class, new Converters.FormatConverter(), v -> format = v));
    spec.addOption(Opt.of("-o", "--output").label("FILE")
        .help("Write to FILE (a regular file atomically, keeping its permissions), and only if every base"
            + " succeeded (see --allow-partial); - is stdout.")
        .value(Path.class, new Converters.OutputConverter(), v -> output = v));
    spec.addOption(Opt.of("--allow-partial").help("With --output: write the file even when some bases failed.")
        .flag(v -> allowPartial = v));
    spec.addOption(Opt.of("--max-time").label("DURATION")
        .help("Bound of the whole run, waits and retries included; rows still open then fail (default: none).")
        .value(Duration.class, new Converters.PositiveDuration(), v -> maxTime = v));
    spec.addOption(Opt.of("--strict")
        .help("Rows of different days, or cells the API left out (n/a), fail the run: exit 1 (default: a warning).")
        .flag(v -> strict = v));
    spec.addOption(Opt.of("-q", "--quiet").help("No timing or date line on stderr.").flag(v -> quiet = v));
    spec.addOption(Opt.of("-v", "--verbose").help("Each request and its status on stderr, and stack traces.").flag(v -> verbose = v));
    spec.addOption(Opt.help());
    spec.addOption(Opt.version());
    return spec;
  }

  /**
   * The command line for {@code args} with fxmatrix's stream and error handling; shared by {@link
   * Main} and tests.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
    }
    CommandLine commandLine = new CommandLine(new FxMatrixCommand().spec(), FACTORY);
    // picocli reads a command's annotations when it is registered: some 10 ms each on a cold JVM,
    // and reading one (dynamic proxies) as much again. So a subcommand is registered only when
    // named, and help lists the others from a stub of their name and summary.
    List<String> given = List.of(args);
    boolean help = given.stream().anyMatch(FxMatrixCommand::asksForHelp);
    for (Subcommand subcommand : SUBCOMMANDS) {
      if (given.contains(subcommand.name())) {
        commandLine.addSubcommand(subcommand.name(), subcommand.create().get());
      } else if (help && subcommand.summary() != null) {
        CommandSpec listing = CommandSpec.create().name(subcommand.name());
        listing.usageMessage().description(subcommand.summary());
        commandLine.addSubcommand(subcommand.name(), new CommandLine(listing, FACTORY));
      }
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
   * Help fits the terminal: picocli asks {@code stty} for its width, unless the launcher already
   * did and gave {@code picocli.usage.width} (a process spawned from the JVM takes ~50 ms).
   */
  static boolean autoWidth() {
    return System.getProperty("picocli.usage.width") == null;
  }

  /** {@code --help}, or a cluster of short options with an h in it ({@code -qh}). */
  private static boolean asksForHelp(String arg) {
    return arg.equals("--help") || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0);
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
    fetch.checkCodes("--bases", bases.codes());
    if (symbols != null) {
      fetch.checkCodes("--symbols", symbols.codes());
    }
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
      return new String[] {line()};
    }

    static String line() {
      return "fxmatrix " + Version.get() + " (Java " + Runtime.version() + ")";
    }
  }
}
