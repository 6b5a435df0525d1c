package dev.fxmatrix.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import dev.fxmatrix.output.MatrixWriter;
import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.run.MatrixRun;
import dev.fxmatrix.run.MatrixRunner;
import dev.fxmatrix.testing.FakeFrankfurter;
import dev.fxmatrix.testing.Fetching;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What no strategy may do, whatever goes wrong: lose a row, hang, or let an exception out. */
class StrategyFaultsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  static final List<Job> JOBS = MatrixRunner.jobs(List.of("USD", "EUR", "PLN"), List.of("USD", "EUR", "PLN"));

  /** Throws when the answer for {@code base} is in: on OkHttp's callback thread for async. */
  static FetchListener throwingAfterTheAnswerFor(String base) {
    return new FetchListener() {
      @Override
      public void requestFinished(Job job, int attempt, String lane, long startNanos, long endNanos) {
        if (job.base().equals(base)) {
          throw new IllegalStateException("handler broke for " + base);
        }
      }
    };
  }

  /** Collects the rows in the order the run prints them. */
  static final class Rows implements MatrixWriter {
    final List<String> rows = new ArrayList<>();

    @Override
    public void row(RateTable table) {
      rows.add(table.base());
    }

    @Override
    public void failed(String base, String reason) {
      rows.add(base + ": " + reason);
    }

    @Override
    public void end() {}
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void anExceptionHandlingOneAnswerFailsThatRowAloneAndNeverHangs(Strategy strategy) {
    server.setDispatcher(FakeFrankfurter.seed());
    Rows rows = new Rows();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (Engine engine = Engine.open(Fetching.options(server.url("/v1")), 3, throwingAfterTheAnswerFor("EUR"));
              FetchStrategy running = strategy.create(2)) {
            MatrixRun.run(JOBS, running, engine, rows, failed -> {}, null);
          }
        });
    assertThat(rows.rows)
        .containsExactly(
            "USD", "EUR: internal error: java.lang.IllegalStateException: handler broke for EUR (1 attempt)", "PLN");
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void closingWhileStartIsHandingOutJobsIsSafe(Strategy strategy) throws Exception {
    server.setDispatcher(FakeFrankfurter.synthetic(40).delay(50));
    List<Job> jobs = MatrixRunner.jobs(FakeFrankfurter.syntheticCodes(40), FakeFrankfurter.syntheticCodes(3));
    for (int round = 0; round < 5; round++) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      try (Engine engine = Engine.open(Fetching.options(server.url("/v1")), 40, FetchListener.NONE)) {
        FetchStrategy running = strategy.create(2);
        Outcomes outcomes = new Outcomes(jobs.size());
        CountDownLatch go = new CountDownLatch(1);
        Thread starter = Thread.ofPlatform().start(() -> {
          try {
            go.await();
            running.start(jobs, engine, outcomes);
          } catch (Throwable e) {
            thrown.set(e);
          }
        });
        Thread interrupter = Thread.ofPlatform().start(() -> {
          try {
            go.await();
            engine.cancel(); // as the Ctrl-C hook does
            running.close();
          } catch (Throwable e) {
            thrown.set(e);
          }
        });
        go.countDown();
        starter.join(20_000);
        interrupter.join(20_000);
        running.close();
        assertThat(starter.isAlive() || interrupter.isAlive()).as("both done").isFalse();
        assertThat(thrown.get()).as(strategy.cliName()).isNull();
      }
    }
  }
}
