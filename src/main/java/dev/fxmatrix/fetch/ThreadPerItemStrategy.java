package dev.fxmatrix.fetch;

import dev.fxmatrix.exit.FastExit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One thread per job, all started at once: platform threads for {@code thread-per-item}, virtual
 * threads for {@code virtual}. The two differ only in what a thread costs.
 */
public final class ThreadPerItemStrategy implements FetchStrategy {
  private final Thread.Builder builder;
  private final List<Thread> threads = new ArrayList<>();

  private ThreadPerItemStrategy(Thread.Builder builder) {
    this.builder = builder;
  }

  public static ThreadPerItemStrategy platform() {
    return new ThreadPerItemStrategy(Thread.ofPlatform().daemon().name("item-", 1));
  }

  public static ThreadPerItemStrategy virtual() {
    FastExit.virtualThreadsDoIo();
    return new ThreadPerItemStrategy(Thread.ofVirtual().name("virtual-", 1));
  }

  @Override
  public void start(List<Job> jobs, RateFetcher fetcher, Consumer<Outcome> results) {
    for (Job job : jobs) {
      threads.add(builder.start(() -> FetchStrategy.runJob(job, fetcher, results)));
    }
  }

  @Override
  public void close() {
    threads.forEach(Thread::interrupt);
  }
}
