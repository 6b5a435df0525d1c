package dev.fxmatrix.strategy;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcomes;
import java.util.List;

/**
 * Where the jobs of a run are done, and nothing else: each job goes through the same {@link Engine},
 * which offers exactly one outcome per job to {@code outcomes}.
 */
public interface FetchStrategy extends AutoCloseable {
  /** Starts the work and returns without waiting for it. */
  void start(List<Job> jobs, Engine engine, Outcomes outcomes);

  /**
   * Stops whatever still runs; from any thread (the Ctrl-C hook calls it, maybe while {@link #start}
   * is still handing out jobs), and safe to call more than once.
   */
  @Override
  void close();
}
