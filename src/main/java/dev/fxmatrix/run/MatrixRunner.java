package dev.fxmatrix.run;

import dev.fxmatrix.api.Json;
import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.fetch.Durations;
import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.output.MatrixSpec;
import dev.fxmatrix.output.OutputTarget;
import dev.fxmatrix.strategy.FetchStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Runs one matrix from validated options: sets up, fetches, prints, reports, and says the exit code. */
public final class MatrixRunner {
  /** Pacing longer than this is worth a line before the run. */
  static final Duration LONG_PACING = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final PrintWriter err;
  private volatile boolean interrupted;

  public MatrixRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The jobs of a matrix: one per base, asking for every symbol but the base itself. */
  public static List<Job> jobs(List<String> bases, List<String> symbols) {
    List<Job> jobs = new ArrayList<>(bases.size());
    for (int row = 0; row < bases.size(); row++) {
      String base = bases.get(row);
      jobs.add(new Job(row, base, symbols.stream().filter(s -> !s.equals(base)).toList()));
    }
    return jobs;
  }

  public int run(RunOptions options) {
    // Jackson's first use costs more than OkHttp's client: started beside it, and not waited for,
    // since requests need no JSON (a parse that comes first waits on Jackson's class set-up alone).
    // Waiting for it held the first request back ~15 ms.
    CompletableFuture.runAsync(Json::warmUp);
    try (EmbeddedApis demo = EmbeddedApis.startIfAsked(options.demo(), options.fetch().chain())) {
      FetchOptions fetch = demo == null ? options.fetch() : options.fetch().withChain(demo.chain());
      if (options.verbose()) {
        fetch = fetch.withRequestLog(this::log);
      }
      List<Job> jobs = jobs(options.bases(), options.symbols());
      int concurrency = options.strategy().concurrency(jobs.size(), options.threads());
      try (Engine engine = Engine.open(fetch, concurrency, FetchListener.NONE, this::note)) {
        LocalDate date = fetch.date();
        if (options.verbose() && date != null) {
          engine.providers().stream().filter(p -> !p.servesDates())
              .forEach(p -> note(p.name() + " serves only the latest rates: skipped for --date " + date));
        }
        return fetchAndPrint(options, jobs, engine);
      }
    } catch (IOException e) {
      err.println("fxmatrix: " + e.getMessage());
      return ExitCode.FAILED;
    } catch (InterruptedException e) {
      return ExitCode.INTERRUPTED;
    }
  }

  /** A --rate that makes the run long is said at its start: otherwise it would only seem to hang. */
  private void notePacing(RunOptions options, List<Job> jobs) {
    Double rate = options.fetch().throttle().rate();
    long requests = jobs.stream().filter(Job::needsRequest).count();
    if (rate == null || options.quiet() || requests == 0) {
      return;
    }
    // The bucket starts empty: the last of N requests goes at N / rate.
    Duration pacing = Duration.ofNanos((long) (requests / rate * 1e9));
    if (pacing.compareTo(LONG_PACING) > 0) {
      note("--rate " + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString() + " spreads " + requests
          + " requests over " + Durations.format(pacing) + (options.maxTime() == null ? "; --max-time bounds a run" : ""));
    }
  }

  /** Something the user should know that is no failure: stderr, unless --quiet. */
  private void note(String line) {
    log("fxmatrix: " + line);
  }

  private void log(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  private int fetchAndPrint(RunOptions options, List<Job> jobs, Engine engine)
      throws IOException {
    OutputTarget target = options.output() == null ? OutputTarget.stdout(out) : OutputTarget.file(options.output());
    FetchStrategy strategy = options.strategy().create(options.threads());
    Thread onInterrupt = interruptHook(engine, strategy, target);
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      notePacing(options, jobs);
      long start = System.nanoTime();
      MatrixRun.Result result =
          MatrixRun.run(
              jobs,
              strategy,
              engine,
              options.format().open(target.writer(), new MatrixSpec(options.bases(), options.symbols())),
              failed -> {},
              options.maxTime());
      if (interrupted) {
        return ExitCode.INTERRUPTED; // the cancelled rows are no failures to report
      }
      boolean strictFails = new RunReport(err, options, engine.providers(), LocalDate::now).print(result);
      int code = finish(options, target, result, strictFails);
      if (!options.quiet()) {
        reportDates(options, result);
        err.printf(Locale.ROOT, "time elapsed: %.2fs%n", (System.nanoTime() - start) / 1e9);
      }
      return code;
    } catch (InterruptedException e) {
      return ExitCode.INTERRUPTED;
    } finally {
      target.discard(); // after a commit there is nothing left to discard; otherwise the old file stays
      strategy.close();
      removeHook(onInterrupt);
      err.flush();
    }
  }

  private int finish(RunOptions options, OutputTarget target, MatrixRun.Result result, boolean strictFails)
      throws IOException {
    List<Outcome.Failed> failures = result.failures();
    boolean complete = failures.isEmpty() && !strictFails;
    if (complete || options.allowPartial()) {
      target.commit();
    } else if (options.output() != null) {
      err.printf(
          "fxmatrix: not writing %s (an existing file is left as it was): %s; --allow-partial writes what succeeded%n",
          options.output(),
          failures.isEmpty() ? "--strict" : failures.size() + " of " + result.outcomes().size() + " bases failed");
    }
    if (!failures.isEmpty() && result.outcomes().size() > 1) {
      err.printf("fxmatrix: %d of %d bases failed%n", failures.size(), result.outcomes().size());
    }
    return complete ? ExitCode.OK : ExitCode.FAILED;
  }

  /** The date the API answered with, since a weekend request returns Friday's rates. */
  private void reportDates(RunOptions options, MatrixRun.Result result) {
    if (options.format().showsDate() && options.output() == null) {
      return;
    }
    String dates =
        result.outcomes().stream()
            .filter(o -> o instanceof Outcome.Fetched)
            .map(o -> ((Outcome.Fetched) o).rates())
            .map(RateTable::date)
            .filter(Objects::nonNull)
            .map(LocalDate::toString)
            .distinct()
            .sorted()
            .collect(Collectors.joining(", "));
    if (!dates.isEmpty()) {
      err.println("rates of " + dates);
    }
  }

  /**
   * Ctrl-C ends the JVM (exit 130) once shutdown hooks are done: cancel what is in flight and throw
   * away a half-written output file, so the previous file stays as it was.
   */
  private Thread interruptHook(Engine engine, FetchStrategy strategy, OutputTarget target) {
    Thread printer = Thread.currentThread();
    return new Thread(
        () -> {
          // First silence the printer, then cancel: the cancelled jobs are not failures to report.
          interrupted = true;
          printer.interrupt();
          engine.cancel();
          strategy.close();
          target.discard();
          err.println("fxmatrix: interrupted");
          err.flush();
        },
        "fxmatrix-interrupt");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or ran already: nothing to undo.
    }
  }
}
