package dev.fxmatrix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.strategy.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdealTimeTest {
  static final Duration LATENCY = Duration.ofMillis(100);

  static long ms(Strategy strategy, int requests, int threads, Double rate) {
    return IdealTime.of(strategy, requests, threads, LATENCY, rate).toMillis();
  }

  @Test
  void sequentialSendsOneAfterAnother() {
    assertThat(ms(Strategy.SEQUENTIAL, 30, 4, null)).isEqualTo(3000);
  }

  @Test
  void aPoolGoesInWavesOfItsThreads() {
    assertThat(ms(Strategy.POOL, 30, 4, null)).isEqualTo(800); // ⌈30/4⌉ = 8 waves
    assertThat(ms(Strategy.POOL, 28, 4, null)).isEqualTo(700);
    assertThat(ms(Strategy.POOL, 3, 4, null)).isEqualTo(100); // more threads than work
    assertThat(ms(Strategy.POOL, 30, 1, null)).isEqualTo(3000);
  }

  @Test
  void oneTaskPerRequestTakesOneLatency() {
    for (Strategy strategy : new Strategy[] {Strategy.THREAD_PER_ITEM, Strategy.VIRTUAL, Strategy.ASYNC}) {
      assertThat(ms(strategy, 30, 4, null)).as(strategy.cliName()).isEqualTo(100);
    }
  }

  @Test
  void aRateMakesTheLastRequestWaitForItsToken() {
    // Tokens at 0.1 s, 0.2 s, ... 3.0 s: the last request starts at N/R and still takes a latency.
    assertThat(ms(Strategy.VIRTUAL, 30, 4, 10.0)).isEqualTo(3100);
    assertThat(ms(Strategy.POOL, 30, 4, 10.0)).isEqualTo(3100);
    assertThat(ms(Strategy.ASYNC, 1, 4, 2.0)).isEqualTo(600);
  }

  @Test
  void aRateAboveWhatTheWorkersCanSendOnlyDelaysTheFirstToken() {
    // Sequential at 20/s: the first token at 50 ms, then each request waits for the previous one.
    assertThat(ms(Strategy.SEQUENTIAL, 3, 4, 20.0)).isEqualTo(350);
    // A pool of 4 at 1000/s: request 30 follows request 2 (token at 2 ms) seven waves later.
    assertThat(ms(Strategy.POOL, 30, 4, 1000.0)).isEqualTo(2 + 7 * 100 + 100);
  }

  @Test
  void whereRateAndWorkersBothBindTheSlowerWins() {
    // Sequential at 5/s, 100 ms each: tokens (0.2, 0.4, 0.6 s) are the limit, not the worker.
    assertThat(ms(Strategy.SEQUENTIAL, 3, 4, 5.0)).isEqualTo(700);
  }

  @Test
  void nothingToSendTakesNoTime() {
    assertThat(IdealTime.of(Strategy.POOL, 0, 4, LATENCY, 10.0)).isZero();
  }
}
