package dev.fxmatrix.run;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import dev.fxmatrix.output.MatrixWriter;
import dev.fxmatrix.strategy.FetchStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One fetch-and-print: the strategy's workers offer every outcome to one queue, and the calling
 * thread alone takes them and prints, in row order, each row as soon as it can. With a deadline,
 * the rows still open when it passes fail as {@link #TIMED_OUT}, and the run ends there.
 */
public final class MatrixRun {
  public static final String TIMED_OUT = "timed out (whole run)";

  private MatrixRun() {}

  /** What a run produced; {@code outcomes} in row order. */
  public record Result(List<Outcome> outcomes) {
    public List<Outcome.Failed> failures() {
      List<Outcome.Failed> failures = new ArrayList<>();
      for (Outcome outcome : outcomes) {
        if (outcome instanceof Outcome.Failed failed) {
          failures.add(failed);
        }
      }
      return failures;
    }
  }

  /**
   * Runs {@code jobs} (rows 0..n-1, in order) with {@code strategy} and writes each row to {@code
   * writer}; {@code onFailure} hears of each failed row at the moment it is printed.
   *
   * @param maxTime the whole run's bound, null for none
   */
  public static Result run(
      List<Job> jobs,
      FetchStrategy strategy,
      Engine engine,
      MatrixWriter writer,
      Consumer<Outcome.Failed> onFailure,
      Duration maxTime)
      throws InterruptedException {
    Outcomes outcomes = new Outcomes(jobs.size());
    RowSequencer sequencer = new RowSequencer(jobs.size());
    List<Outcome> inOrder = new ArrayList<>(jobs.size());
    long deadline = maxTime == null ? 0 : System.nanoTime() + maxTime.toNanos();
    strategy.start(jobs, engine, outcomes);
    while (!sequencer.complete()) {
      Outcome next =
          maxTime == null ? outcomes.take() : outcomes.poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (next == null) {
        engine.cancel();
        for (Job job : jobs) {
          outcomes.offer(new Outcome.Failed(job, TIMED_OUT, outcomes.attempts(job.row()), null));
        }
        continue;
      }
      for (Outcome outcome : sequencer.accept(next)) {
        inOrder.add(outcome);
        switch (outcome) {
          case Outcome.Fetched fetched -> writer.row(fetched.rates());
          case Outcome.Failed failed -> {
            onFailure.accept(failed);
            writer.failed(failed.job().base(), failed.summary());
          }
        }
      }
    }
    writer.end();
    return new Result(List.copyOf(inOrder));
  }
}
