package dev.fxmatrix.strategy;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --strategy process}: up to {@code processes} worker processes of the tool itself (same
 * Java, same class path, the hidden {@code worker} subcommand), each served by one lane thread of
 * ours that takes one job at a time. The engine runs here, in the lanes: the throttle grants, the
 * retry policy decides, and only each attempt's request and its answer cross the pipe. Each worker
 * costs a JVM start, which is the point of having it next to the threads in the benchmark.
 */
final class ProcessStrategy implements FetchStrategy {
  private final int processes;
  private final WorkerLauncher launcher = WorkerLauncher.sameJava();
  private final ExecutorService lanes = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("lane-", 1).factory());
  private final List<WorkerPipe> pipes = new ArrayList<>(); // guarded by itself
  private boolean closed; // guarded by pipes

  ProcessStrategy(int processes) {
    this.processes = processes;
  }

  @Override
  public void start(List<Job> jobs, Engine engine, Outcomes outcomes) {
    ConcurrentLinkedQueue<Job> waiting = new ConcurrentLinkedQueue<>();
    for (Job job : jobs) {
      if (job.needsRequest()) {
        waiting.add(job);
      } else {
        engine.run(job, outcomes); // answered without a request, so without a process
      }
    }
    int count = Math.min(processes, waiting.size());
    AtomicInteger live = new AtomicInteger(count);
    for (int i = 0; i < count; i++) {
      WorkerPipe pipe = new WorkerPipe(launcher, WorkerMessages.Settings.of(engine.options()));
      synchronized (pipes) {
        if (closed) {
          return; // the run is being torn down: jobs not handed out stay without outcome, nobody waits
        }
        pipes.add(pipe);
        // Under the lock, as close() shuts the lanes down under it: a lane is then either handed
        // out before, and stopped, or not at all (no RejectedExecutionException).
        lanes.execute(() -> serve(pipe, waiting, live, engine, outcomes));
      }
    }
    lanes.shutdown();
  }

  /**
   * One lane: starts its worker, then fetches jobs through it until none is left. A lane whose
   * worker cannot start takes no job; the last lane to end fails what no lane could take.
   */
  private static void serve(
      WorkerPipe pipe, ConcurrentLinkedQueue<Job> waiting, AtomicInteger live, Engine engine, Outcomes outcomes) {
    String failure = "cancelled";
    try (pipe) {
      pipe.start();
      for (Job job; (job = waiting.poll()) != null; ) {
        engine.run(job, outcomes, pipe.lane(), pipe::exchange);
      }
    } catch (IOException e) {
      failure = "cannot start a worker process: " + e.getMessage();
    } finally {
      if (live.decrementAndGet() == 0) {
        for (Job job; (job = waiting.poll()) != null; ) {
          outcomes.offer(new Outcome.Failed(job, failure, 0, null));
        }
      }
    }
  }

  @Override
  public void close() {
    List<WorkerPipe> open;
    synchronized (pipes) {
      closed = true;
      open = List.copyOf(pipes);
      lanes.shutdownNow();
    }
    open.parallelStream().forEach(WorkerPipe::close); // each may wait for its worker to exit
  }
}
