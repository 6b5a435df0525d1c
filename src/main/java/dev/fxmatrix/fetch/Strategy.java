package dev.fxmatrix.fetch;

import dev.fxmatrix.fetch.process.ProcessStrategy;
import java.util.Arrays;
import java.util.Optional;
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
   * processes, and is ignored by the others.
   */
  public FetchStrategy create(int threads) {
    return switch (this) {
      case SEQUENTIAL -> new SequentialStrategy();
      case THREAD_PER_ITEM -> ThreadPerItemStrategy.platform();
      case POOL -> new PoolStrategy(threads);
      case VIRTUAL -> ThreadPerItemStrategy.virtual();
      case ASYNC -> new AsyncStrategy();
      case PROCESS -> new ProcessStrategy(threads);
    };
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
