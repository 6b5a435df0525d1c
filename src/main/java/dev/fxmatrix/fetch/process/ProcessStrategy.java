package dev.fxmatrix.fetch.process;

import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.FetchStrategy;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.RateFetcher;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code --strategy process}: up to {@code processes} worker processes of the tool itself (same
 * Java, same class path, the hidden {@code worker} subcommand) fetch the jobs, one at a time each.
 * The fetcher's settings go to the workers as arguments; its throttle stays here and grants every
 * request of every worker, so they share one budget as threads do. Each worker costs a JVM start,
 * which is the point of having it next to the threads in the benchmark.
 */
public final class ProcessStrategy implements FetchStrategy {
  // close(): a worker whose input ends exits by itself within milliseconds; one still starting
  // needs longer; after that it is asked (SIGTERM), then made (SIGKILL), to go.
  private static final Duration EXIT_GRACE = Duration.ofMillis(1500);
  private static final Duration TERM_GRACE = Duration.ofSeconds(1);
  private static final Duration KILL_WAIT = Duration.ofSeconds(2);

  private final int processes;
  private final WorkerLauncher launcher;
  // Guarded by this, so close() sees every process start() started, or start() starts none.
  private final List<Process> started = new ArrayList<>();
  private final List<WorkerProcess> workers = new ArrayList<>();
  private volatile boolean closing;

  public ProcessStrategy(int processes) {
    if (processes < 1) {
      throw new IllegalArgumentException("processes must be at least 1");
    }
    this.processes = processes;
    this.launcher = WorkerLauncher.sameJava();
  }

  @Override
  public void start(List<Job> jobs, RateFetcher fetcher, Consumer<Outcome> results) {
    List<Job> remote = new ArrayList<>();
    for (Job job : jobs) {
      if (job.needsRequest()) {
        remote.add(job);
      } else {
        FetchStrategy.runJob(job, fetcher, results); // answered without a request, so without a process
      }
    }
    if (remote.isEmpty()) {
      return;
    }
    List<String> arguments = WorkerCommand.arguments(fetcher.settings(), fetcher.listener() != FetchListener.NONE);
    synchronized (this) {
      if (closing) {
        return;
      }
      IOException failure = null;
      for (int i = 0; i < Math.min(processes, remote.size()); i++) {
        try {
          started.add(launcher.start(arguments));
        } catch (IOException e) {
          failure = e;
          break;
        }
      }
      if (started.isEmpty()) {
        for (Job job : remote) {
          results.accept(new Outcome.Failed(job, "cannot start a worker process: " + failure.getMessage(), 0, failure));
        }
        return;
      }
      if (failure != null) {
        System.err.printf(
            "fxmatrix: started %d of %d worker processes: %s%n",
            started.size(), Math.min(processes, remote.size()), failure.getMessage());
      }
      WorkerProcess.Run run =
          new WorkerProcess.Run(
              new JobQueue(remote, started.size()), fetcher.permits(), fetcher.listener(), results, () -> closing);
      for (Process process : started) {
        WorkerProcess worker = new WorkerProcess(process, run);
        workers.add(worker);
        worker.startServing();
      }
    }
  }

  /**
   * Ends every worker and returns once they are gone, so none outlives us, whether the run ended,
   * failed or was interrupted (the Ctrl-C hook calls this too). Safe to call more than once.
   */
  @Override
  public void close() {
    List<Process> toStop;
    synchronized (this) {
      closing = true;
      workers.forEach(WorkerProcess::stop);
      toStop = List.copyOf(started);
    }
    stopAll(toStop);
  }

  private static void stopAll(List<Process> processes) {
    try {
      if (awaitExit(processes, EXIT_GRACE)) {
        return;
      }
      processes.forEach(Process::destroy);
      if (awaitExit(processes, TERM_GRACE)) {
        return;
      }
      processes.forEach(Process::destroyForcibly);
      awaitExit(processes, KILL_WAIT);
    } catch (InterruptedException e) {
      processes.forEach(Process::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitExit(List<Process> processes, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Process process : processes) {
      if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }
}
