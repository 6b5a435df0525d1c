package dev.fxmatrix.bench;

import dev.fxmatrix.api.Json;
import dev.fxmatrix.api.Providers;
import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.fetch.TimeSource;
import dev.fxmatrix.run.EmbeddedApis;
import dev.fxmatrix.run.ExitCode;
import dev.fxmatrix.run.MatrixRun;
import dev.fxmatrix.run.MatrixRunner;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.strategy.FetchStrategy;
import dev.fxmatrix.strategy.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;

/**
 * Runs every strategy several times in one JVM against the same server and reports how each did.
 *
 * <p>A run is exactly what {@code fxmatrix -s STRATEGY} does, minus printing: the same {@link
 * MatrixRun}, {@link Engine}, {@link Throttle} and OkHttp client settings, so the benchmark
 * measures the real fetch path, not a copy of it. Only the matrix's rows are discarded.
 *
 * <p>What one-off costs are kept out of the numbers, and which are kept in:
 *
 * <ul>
 *   <li>Class loading and JIT of OkHttp and Jackson: out. One request goes out before anything is
 *       timed (it also tells early whether the server answers at all), and {@code --warmup} runs of
 *       each strategy go untimed.
 *   <li>Opening connections: in. Idle connections are evicted before every run, so each run opens
 *       its own as a fresh process would; otherwise the strategies after the first would ride on
 *       connections their predecessors opened, and a pool of 4 would reuse 4 warm sockets while
 *       thread-per-item still opens 26 new ones. On loopback a connection costs well under a
 *       millisecond; against a remote TLS server it is a real part of what the user waits for.
 *   <li>The token bucket: in. Each run gets a fresh throttle, empty as at the start of a process.
 *   <li>For {@code process}, all of it: its workers are new JVMs in every run, with their own
 *       clients. Their start-up is that strategy's cost, and the reason to measure it here.
 * </ul>
 *
 * <p>One client serves all runs, sized for the most concurrent strategy asked for: its size only
 * bounds OkHttp's asynchronous calls (the blocking strategies are not limited by it) and how many
 * idle connections it keeps, and those are evicted between runs anyway.
 */
public final class Bench {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;

  /** {@code interactive}: whether stderr may show a progress line (see {@link Terminal}). */
  public Bench(PrintWriter out, PrintWriter err, boolean interactive) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  public int run(BenchOptions options) {
    // Jackson's first use is the slowest part of a cold start; overlap it with the set-up.
    CompletableFuture<Void> jsonWarm = CompletableFuture.runAsync(Json::warmUp);
    Progress progress = new Progress(err, interactive);
    RunOptions.Demo embedded =
        options.api() instanceof ApiTarget.Demo demo ? new RunOptions.Demo(demo.latency(), Duration.ZERO, demo.down()) : null;
    try (EmbeddedApis demo = EmbeddedApis.startIfAsked(embedded, options.fetch().chain())) {
      FetchOptions fetch = demo == null ? options.fetch() : options.fetch().withChain(demo.chain());
      List<Job> jobs = MatrixRunner.jobs(options.bases(), options.symbols());
      int needed = (int) jobs.stream().filter(Job::needsRequest).count();
      // ecb: one request for the whole matrix, whatever the strategy.
      int requests = Providers.create(fetch.chain().getFirst(), fetch.userAgent()).oneAnswerForAll() ? Math.min(needed, 1) : needed;
      int concurrency =
          options.strategies().stream().mapToInt(s -> s.concurrency(requests, options.threads())).max().orElse(1);
      OkHttpClient client = HttpClients.create(fetch, concurrency);
      try {
        jsonWarm.join();
        Optional<Outcome.Failed> unanswered = warmUpRequest(fetch, client, jobs);
        if (unanswered.isPresent()) {
          err.println("fxmatrix bench: " + options.api().describe() + " does not answer as expected: " + unanswered.get().describe());
          return ExitCode.FAILED;
        }
        Runs runs = new Runs(options, fetch, jobs, client, progress);
        List<StrategyResult> results = new ArrayList<>();
        boolean anyFailed = false;
        for (int i = 0; i < options.strategies().size(); i++) {
          Strategy strategy = options.strategies().get(i);
          String label = strategy.cliName() + " (" + (i + 1) + "/" + options.strategies().size() + ")";
          List<RunMeasurement> warmUps = runs.repeat(strategy, label + ", warm-up", options.warmup());
          List<RunMeasurement> timed = runs.repeat(strategy, label + ", run", options.runs());
          anyFailed |= reportFailures(progress, strategy, warmUps, " in the warm-up");
          anyFailed |= reportFailures(progress, strategy, timed, "");
          results.add(StrategyResult.of(strategy, timed, requests, options.threads(), options.rate()));
        }
        progress.clear();
        report(new BenchResult(options, requests, options.api().describe(), results));
        return anyFailed ? ExitCode.FAILED : ExitCode.OK;
      } finally {
        progress.clear();
        HttpClients.shutdown(client);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INTERRUPTED;
    } catch (IOException e) {
      err.println("fxmatrix bench: " + e.getMessage());
      return ExitCode.FAILED;
    } finally {
      err.flush();
    }
  }

  /** An engine for one run: the shared client, a fresh throttle (empty, as at a process's start). */
  private static Engine engine(FetchOptions fetch, OkHttpClient client, FetchListener listener) {
    return new Engine(fetch, client, listener, TimeSource.SYSTEM, ThreadLocalRandom::current);
  }

  /**
   * Warms the client and the JSON reader, and finds out early if the server does not answer: without
   * retries, so an unreachable server costs one timeout, not the runs' worth of back-offs.
   */
  private static Optional<Outcome.Failed> warmUpRequest(FetchOptions fetch, OkHttpClient client, List<Job> jobs)
      throws InterruptedException {
    Job first = jobs.stream().filter(Job::needsRequest).findFirst().orElseThrow();
    Outcomes outcomes = new Outcomes(jobs.size());
    FetchOptions once = new FetchOptions(
        fetch.chain(), fetch.userAgent(), fetch.date(), fetch.timeout(), 0, Throttle.Options.UNLIMITED, fetch.caching(), null);
    engine(once, client, FetchListener.NONE).run(first, outcomes);
    return outcomes.take() instanceof Outcome.Failed failed ? Optional.of(failed) : Optional.empty();
  }

  /** Says on stderr how many rows failed, with the first reason; true if any did. */
  private boolean reportFailures(Progress progress, Strategy strategy, List<RunMeasurement> runs, String when) {
    List<Outcome.Failed> failures = runs.stream().flatMap(r -> r.failures().stream()).toList();
    if (failures.isEmpty()) {
      return false;
    }
    progress.clear(); // the message gets a line of its own; the next progress update starts anew
    err.printf(
        "fxmatrix bench: %s: %d failed %s%s (%d %s); first %s%n",
        strategy.cliName(), failures.size(), failures.size() == 1 ? "row" : "rows", when, runs.size(),
        runs.size() == 1 ? "run" : "runs", failures.getFirst().describe());
    err.flush();
    return true;
  }

  private void report(BenchResult result) {
    switch (result.options().format()) {
      case TABLE -> TableReport.write(result, out);
      case CSV -> CsvReport.write(result, out);
      case JSON -> JsonReport.write(result, out);
    }
  }

  /** Runs of one strategy after another, each measured on its own. */
  private record Runs(
      BenchOptions options, FetchOptions fetch, List<Job> jobs, OkHttpClient client, Progress progress) {

    List<RunMeasurement> repeat(Strategy strategy, String label, int times) throws InterruptedException {
      List<RunMeasurement> runs = new ArrayList<>(times);
      for (int i = 1; i <= times; i++) {
        progress.show("fxmatrix bench: " + label + " " + i + " of " + times);
        runs.add(once(strategy));
      }
      return runs;
    }

    RunMeasurement once(Strategy strategy) throws InterruptedException {
      client.connectionPool().evictAll(); // see the class comment
      AttemptRecorder recorder = new AttemptRecorder();
      Engine engine = engine(fetch, client, recorder); // not closed: the client outlives it
      try (FetchStrategy running = strategy.create(options.threads())) {
        long start = System.nanoTime();
        MatrixRun.Result result = MatrixRun.run(jobs, running, engine, DiscardingWriter.INSTANCE, failed -> {}, null);
        long wall = System.nanoTime() - start;
        return new RunMeasurement(start, wall, recorder.attempts(), result.failures());
      } catch (InterruptedException e) {
        engine.cancel();
        throw e;
      }
    }
  }
}
