package dev.fxmatrix.fetch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A fixed pool of platform threads draining a work queue (the executor's), so no more than {@code
 * threads} requests are ever in flight.
 */
public final class PoolStrategy implements FetchStrategy {
  private final int threads;
  private ExecutorService pool;

  public PoolStrategy(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.threads = threads;
  }

  @Override
  public void start(List<Job> jobs, RateFetcher fetcher, Consumer<Outcome> results) {
    pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("pool-", 1).factory());
    for (Job job : jobs) {
      pool.execute(() -> FetchStrategy.runJob(job, fetcher, results));
    }
    pool.shutdown(); // no more work: the threads end once the queue is drained
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
