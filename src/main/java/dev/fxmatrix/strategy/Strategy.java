package dev.fxmatrix.strategy;

import dev.fxmatrix.exit.FastExit;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** The strategies a user can pick with {@code --strategy}, by their command-line names. */
public enum Strategy {
  SEQUENTIAL("sequential"),
  THREAD_PER_ITEM("thread-per-item"),
  POOL("pool"),
  VIRTUAL("virtual"),
  ASYNC("async"),
  PROCESS("process");

  private final String cliName;

  Strategy(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /**
   * A fresh strategy for one run; {@code threads} sizes the pool, or the number of worker
   * processes, and is ignored by the others. The thread strategies differ only in their executor.
   */
  public FetchStrategy create(int threads) {
    return switch (this) {
      case SEQUENTIAL ->
          new ExecutorStrategy(Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("sequential").factory()));
      case THREAD_PER_ITEM ->
          new ExecutorStrategy(Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("item-", 1).factory()));
      case POOL ->
          new ExecutorStrategy(Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("pool-", 1).factory()));
      case VIRTUAL -> {
        FastExit.virtualThreadsDoIo();
        yield new ExecutorStrategy(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory()));
      }
      case ASYNC -> new AsyncStrategy();
      case PROCESS -> new ProcessStrategy(threads);
    };
  }

  /** Whether {@code --threads} means something to this strategy. */
  public boolean usesThreads() {
    return this == POOL || this == PROCESS;
  }

  /** How many requests may be in flight at once with {@code jobs} jobs. */
  public int concurrency(int jobs, int threads) {
    return switch (this) {
      case SEQUENTIAL -> 1;
      case POOL, PROCESS -> Math.min(threads, jobs);
      case THREAD_PER_ITEM, VIRTUAL, ASYNC -> jobs;
    };
  }

  public static Optional<Strategy> byName(String name) {
    return Arrays.stream(values()).filter(s -> s.cliName.equalsIgnoreCase(name)).findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(Strategy::cliName).collect(Collectors.joining(", "));
  }
}
