package dev.fxmatrix.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import dev.fxmatrix.output.MatrixWriter;
import dev.fxmatrix.strategy.FetchStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The main thread's side of the queue: ordering and failures, with workers that answer out of order. */
class MatrixRunTest {
  /** Answers the jobs from its own thread, last job first, and fails the ones it is told to. */
  static final class BackwardsStrategy implements FetchStrategy {
    final List<String> failing;

    BackwardsStrategy(List<String> failing) {
      this.failing = failing;
    }

    @Override
    public void start(List<Job> jobs, Engine engine, Outcomes results) {
      Thread.ofPlatform()
          .start(
              () -> {
                for (Job job : jobs.reversed()) {
                  results.offer(
                      failing.contains(job.base())
                          ? new Outcome.Failed(job, "HTTP 500", 4, null)
                          : new Outcome.Fetched(
                              job, new RateTable(job.base(), LocalDate.of(2019, 4, 9), Map.of()), 1));
                }
              });
    }

    @Override
    public void close() {}
  }

  /** Records what the writer was told, in order, and on which thread. */
  static final class RecordingWriter implements MatrixWriter {
    final List<String> events = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();

    @Override
    public void row(RateTable table) {
      events.add("row " + table.base());
      threads.add(Thread.currentThread());
    }

    @Override
    public void failed(String base, String reason) {
      events.add("failed " + base + ": " + reason);
      threads.add(Thread.currentThread());
    }

    @Override
    public void end() {
      events.add("end");
    }
  }

  @Test
  void printsInBaseOrderOnTheMainThreadWithFailuresInTheirPlace() throws Exception {
    List<Job> jobs = MatrixRunner.jobs(List.of("USD", "EUR", "PLN", "NOK"), List.of("USD", "EUR"));
    RecordingWriter writer = new RecordingWriter();
    List<String> reported = new ArrayList<>();

    MatrixRun.Result result =
        MatrixRun.run(jobs, new BackwardsStrategy(List.of("EUR")), null, writer, f -> reported.add(f.describe()), null);

    assertThat(writer.events)
        .containsExactly("row USD", "failed EUR: HTTP 500 (4 attempts)", "row PLN", "row NOK", "end");
    assertThat(writer.threads).containsOnly(Thread.currentThread());
    assertThat(reported).containsExactly("EUR: HTTP 500 (4 attempts)");
    assertThat(result.failures()).extracting(f -> f.job().base()).containsExactly("EUR");
  }
}
