package dev.fxmatrix.fetch;

import java.util.List;
import java.util.function.Consumer;

/**
 * How the jobs of a run are scheduled, and nothing else: every strategy hands each job to the same
 * {@link RateFetcher} and puts exactly one {@link Outcome} per job into {@code results}.
 */
public interface FetchStrategy extends AutoCloseable {
  /** Starts the work and returns without waiting for it. */
  void start(List<Job> jobs, RateFetcher fetcher, Consumer<Outcome> results);

  /** Stops whatever still runs (interrupting workers); safe to call more than once. */
  @Override
  void close();

  /** The worker body the thread-based strategies share: one job in, exactly one outcome out. */
  static void runJob(Job job, RateFetcher fetcher, Consumer<Outcome> results) {
    Outcome outcome;
    try {
      outcome = fetcher.fetch(job);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new Outcome.Failed(job, "cancelled", 0, e);
    } catch (RuntimeException e) {
      // A bug must still reach the main thread as this job's failure, never lose the row silently.
      outcome = new Outcome.Failed(job, "internal error: " + e, 0, e);
    }
    results.accept(outcome);
  }
}
