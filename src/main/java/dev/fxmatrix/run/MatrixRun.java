package dev.fxmatrix.run;

import dev.fxmatrix.fetch.FetchStrategy;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.RateFetcher;
import dev.fxmatrix.output.MatrixWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One fetch-and-print: the strategy's workers put every outcome on one queue, and the calling
 * thread alone takes them and prints, in row order, each row as soon as it can.
 */
public final class MatrixRun {
  private MatrixRun() {}

  /** What a run produced; {@code outcomes} in row order. */
  public record Result(List<Outcome> outcomes) {
    public List<Outcome.Failed> failures() {
      return outcomes.stream()
          .filter(o -> o instanceof Outcome.Failed)
          .map(o -> (Outcome.Failed) o)
          .toList();
    }

    public boolean complete() {
      return failures().isEmpty();
    }
  }

  /**
   * Runs {@code jobs} (rows 0..n-1, in order) with {@code strategy} and writes each row to {@code
   * writer}; {@code onFailure} hears of each failed row at the moment it is printed.
   */
  public static Result run(
      List<Job> jobs,
      FetchStrategy strategy,
      RateFetcher fetcher,
      MatrixWriter writer,
      Consumer<Outcome.Failed> onFailure)
      throws InterruptedException {
    BlockingQueue<Outcome> results = new LinkedBlockingQueue<>();
    RowSequencer sequencer = new RowSequencer(jobs.size());
    List<Outcome> inOrder = new ArrayList<>(jobs.size());
    strategy.start(jobs, fetcher, results::add);
    while (!sequencer.complete()) {
      for (Outcome outcome : sequencer.accept(results.take())) {
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
