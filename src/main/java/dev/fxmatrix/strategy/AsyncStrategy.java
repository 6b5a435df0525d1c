package dev.fxmatrix.strategy;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcomes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every job at once through OkHttp's non-blocking {@code enqueue}, the counterpart of Python's
 * asyncio: one timer thread waits out throttle slots and back-offs, so no thread is parked per job.
 * (A job whose wait a closed timer refuses ends as cancelled inside the engine.)
 */
final class AsyncStrategy implements FetchStrategy {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("async-timer").factory());

  @Override
  public void start(List<Job> jobs, Engine engine, Outcomes outcomes) {
    for (Job job : jobs) {
      engine.runAsync(job, outcomes, timer);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
