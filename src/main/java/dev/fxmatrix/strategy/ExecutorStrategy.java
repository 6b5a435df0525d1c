package dev.fxmatrix.strategy;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The thread strategies ({@code sequential}, {@code thread-per-item}, {@code pool}, {@code
 * virtual}): each job runs from start to end on a thread of an executor, and they differ only in
 * the executor. It is made with the strategy and final, so {@link #close} from another thread sees
 * it, and shuts it down safely even while {@link #start} is still handing out jobs.
 */
final class ExecutorStrategy implements FetchStrategy {
  private final ExecutorService executor;

  ExecutorStrategy(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public void start(List<Job> jobs, Engine engine, Outcomes outcomes) {
    for (Job job : jobs) {
      try {
        executor.execute(() -> engine.run(job, outcomes));
      } catch (RejectedExecutionException closed) {
        outcomes.offer(new Outcome.Failed(job, "cancelled", 0, null)); // closed while starting
      }
    }
    executor.shutdown(); // no more work: the threads end once the jobs are done
  }

  @Override
  public void close() {
    executor.shutdownNow(); // interrupts waits; the engine's cancel aborts calls in flight
  }
}
