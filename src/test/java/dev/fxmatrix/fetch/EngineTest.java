package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Fetching;
import dev.fxmatrix.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The attempt loop itself, over real HTTP but in virtual time: every wait it makes is recorded, so
 * the schedules of back-offs, Retry-After and rate-limit pauses are asserted exactly.
 */
class EngineTest {
  static final String USD_RATES =
      "{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0.8867606633}}";
  static final Job USD = new Job(0, "USD", List.of("EUR"));

  /** Jitter at its top: each back-off is its full ceiling, so schedules are exact. */
  static final RandomGenerator MOST = new RandomGenerator() {
    @Override
    public long nextLong() {
      return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualTime time = new VirtualTime();

  Engine engine(int retries) {
    return Fetching.engine(Fetching.options(server.url("/v1"), retries), FetchListener.NONE, time, () -> MOST);
  }

  Outcome fetch(Engine engine, Job job) throws InterruptedException {
    Outcomes outcomes = new Outcomes(job.row() + 1);
    engine.run(job, outcomes);
    return outcomes.poll(Duration.ZERO);
  }

  static MockResponse status(int code, String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(code).body("{\"message\":\"x\"}");
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }

  static MockResponse ok() {
    return new MockResponse.Builder().body(USD_RATES).build();
  }

  @Test
  void backOffDoublesFrom200msBetweenAttempts() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(500));
    }
    try (Engine engine = engine(3)) {
      Outcome outcome = fetch(engine, USD);
      assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.summary()).isEqualTo("HTTP 500: x (4 attempts)"));
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
  }

  @Test
  void backOffStopsGrowingAtFiveSeconds() throws Exception {
    for (int i = 0; i < 8; i++) {
      server.enqueue(status(503));
    }
    try (Engine engine = engine(7)) {
      fetch(engine, USD);
    }
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600),
            Duration.ofMillis(3200), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void aServersRetryAfterReplacesTheBackOff() throws Exception {
    server.enqueue(status(503, "Retry-After", "2"));
    server.enqueue(ok());
    try (Engine engine = engine(3)) {
      assertThat(fetch(engine, USD)).isInstanceOfSatisfying(Outcome.Fetched.class, f -> assertThat(f.attempts()).isEqualTo(2));
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void a429PausesForItsRetryAfterThroughTheThrottle() throws Exception {
    server.enqueue(status(429, "Retry-After", "3"));
    server.enqueue(ok());
    try (Engine engine = engine(3)) {
      assertThat(fetch(engine, USD)).isInstanceOf(Outcome.Fetched.class);
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void repeated429sWithoutRetryAfterNeverWaitLongerThanTheBackOffCap() throws Exception {
    for (int i = 0; i < 9; i++) {
      server.enqueue(status(429));
    }
    try (Engine engine = engine(8)) {
      assertThat(fetch(engine, USD)).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.attempts()).isEqualTo(9));
    }
    // Pauses of at least a second, growing with the back-off; the pace set after each wave never
    // adds its own wait on top, so no gap between two requests exceeds the documented 5 s.
    assertThat(time.sleeps()).hasSize(8).allMatch(d -> d.compareTo(Duration.ofSeconds(5)) <= 0);
    assertThat(time.sleeps().getFirst()).isEqualTo(Duration.ofSeconds(1));
    assertThat(time.sleeps().getLast()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRetryAfterBeyondTwoMinutesFailsAtOnceSayingHowLong() throws Exception {
    server.enqueue(status(429, "Retry-After", "600"));
    try (Engine engine = engine(3)) {
      assertThat(fetch(engine, USD))
          .isInstanceOfSatisfying(
              Outcome.Failed.class,
              f -> assertThat(f.summary()).isEqualTo("HTTP 429 (rate limited), server asks to wait 10m (1 attempt)"));
    }
    assertThat(time.sleeps()).isEmpty();
  }

  /** A listener that throws for one base, where a bug in the engine or a caller's code might. */
  static FetchListener throwingFor(String base, boolean onStart) {
    return new FetchListener() {
      @Override
      public void requestStarted(Job job, int attempt, long startNanos) {
        if (onStart && job.base().equals(base)) {
          throw new IllegalStateException("listener broke before " + base);
        }
      }

      @Override
      public void requestFinished(Job job, int attempt, String lane, long startNanos, long endNanos) {
        if (!onStart && job.base().equals(base)) {
          throw new IllegalStateException("listener broke after " + base);
        }
      }
    };
  }

  @Test
  void whateverAStepThrowsEndsThatJobWithItsTrueAttemptCountOnBothDrivers() throws Exception {
    for (boolean async : new boolean[] {false, true}) {
      for (boolean onStart : new boolean[] {true, false}) {
        server.enqueue(ok());
        List<Outcome> outcomes = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Engine engine =
            Fetching.engine(Fetching.options(server.url("/v1")), throwingFor("USD", onStart), TimeSource.SYSTEM, () -> MOST)) {
          Outcomes results = new Outcomes(1);
          if (async) {
            engine.runAsync(USD, results, timer);
          } else {
            engine.run(USD, results);
          }
          outcomes.add(results.poll(Duration.ofSeconds(20)));
        } finally {
          timer.shutdownNow();
        }
        String when = (async ? "async" : "blocking") + (onStart ? ", before" : ", after");
        assertThat(outcomes.getFirst())
            .as(when)
            .isInstanceOfSatisfying(
                Outcome.Failed.class,
                f -> {
                  assertThat(f.reason()).startsWith("internal error: java.lang.IllegalStateException: listener broke");
                  // Before: nothing went out. After: one request went out and was answered.
                  assertThat(f.attempts()).isEqualTo(onStart ? 0 : 1);
                });
      }
    }
  }

  @Test
  void aThrowingExchangeIsTheJobsFailureToo() throws Exception {
    try (Engine engine = engine(3)) {
      Outcomes outcomes = new Outcomes(1);
      engine.run(USD, outcomes, "worker-1", (job, link, attempt) -> {
        throw new IllegalArgumentException("no such worker");
      });
      assertThat(outcomes.poll(Duration.ZERO))
          .isInstanceOfSatisfying(
              Outcome.Failed.class,
              f -> assertThat(f.summary()).isEqualTo("internal error: java.lang.IllegalArgumentException: no such worker (1 attempt)"));
    }
  }

  @Test
  void aSecondOutcomeForARowIsDropped() {
    Outcomes outcomes = new Outcomes(1);
    assertThat(outcomes.offer(new Outcome.Failed(USD, "timed out (whole run)", 1, null))).isTrue();
    assertThat(outcomes.offer(new Outcome.Failed(USD, "cancelled", 1, null))).isFalse();
    assertThat(outcomes.has(0)).isTrue();
  }
}
