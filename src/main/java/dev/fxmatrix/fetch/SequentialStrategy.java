package dev.fxmatrix.fetch;

import java.util.List;
import java.util.function.Consumer;

/** One worker thread fetches the jobs one after another; the main thread still only prints. */
public final class SequentialStrategy implements FetchStrategy {
  private Thread worker;

  @Override
  public void start(List<Job> jobs, RateFetcher fetcher, Consumer<Outcome> results) {
    worker =
        Thread.ofPlatform()
            .name("sequential")
            .daemon()
            .start(
                () -> {
                  for (Job job : jobs) {
                    FetchStrategy.runJob(job, fetcher, results);
                  }
                });
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.interrupt();
    }
  }
}
