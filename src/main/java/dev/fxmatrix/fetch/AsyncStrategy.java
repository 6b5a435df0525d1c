package dev.fxmatrix.fetch;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Every job at once through OkHttp's non-blocking {@code enqueue}, the counterpart of Python's
 * asyncio: one scheduler thread waits for throttle slots and back-offs, so no thread is parked per
 * request.
 */
public final class AsyncStrategy implements FetchStrategy {
  private ScheduledExecutorService scheduler;

  @Override
  public void start(List<Job> jobs, RateFetcher fetcher, Consumer<Outcome> results) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("async-scheduler").factory());
    for (Job job : jobs) {
      fetcher.fetchAsync(job, scheduler, results);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
