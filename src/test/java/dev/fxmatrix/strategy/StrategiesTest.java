package dev.fxmatrix.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Every strategy through the real command line, observed from the server's side: what it prints,
 * and how many requests it really had in flight. Margins are wide; timings belong to the benchmark.
 */
class StrategiesTest {
  @StartStop final MockWebServer server = new MockWebServer();

  Cli run(FakeFrankfurter api, String... options) {
    server.setDispatcher(api);
    List<String> args = new ArrayList<>(List.of("--api-url", server.url("/v1").toString(), "-q"));
    args.add("--bases=" + String.join(",", api.currencies()));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void everyStrategyPrintsTheSameMatrix() {
    String sequential = run(FakeFrankfurter.synthetic(12).delay(10), "-s", "sequential").out();
    assertThat(sequential.lines()).hasSize(12);
    for (Strategy strategy : Strategy.values()) {
      String[] threads = strategy.usesThreads() ? new String[] {"-t", "3"} : new String[0];
      Cli run = run(FakeFrankfurter.synthetic(12).delay(10), concat(new String[] {"-s", strategy.cliName()}, threads));
      assertThat(run.out()).as(strategy.cliName()).isEqualTo(sequential);
      assertThat(run.exitCode()).isZero();
    }
  }

  @Test
  void sequentialHasOneRequestInFlight() {
    FakeFrankfurter api = FakeFrankfurter.synthetic(8).delay(30);
    run(api, "-s", "sequential");
    assertThat(api.peakInFlight()).isEqualTo(1);
  }

  @Test
  void aPoolNeverHasMoreThanItsThreadsInFlight() {
    FakeFrankfurter api = FakeFrankfurter.synthetic(16).delay(100);
    run(api, "-s", "pool", "-t", "3");
    assertThat(api.peakInFlight()).isBetween(2, 3);
  }

  @Test
  void oneTaskPerBaseStrategiesRunEveryBaseAtOnce() {
    for (String strategy : List.of("thread-per-item", "virtual", "async")) {
      FakeFrankfurter api = FakeFrankfurter.synthetic(33).delay(400);
      Cli run = run(api, "-s", strategy);
      assertThat(run.exitCode()).isZero();
      // Far above OkHttp's default of 5 async calls per host.
      assertThat(api.peakInFlight()).as(strategy).isGreaterThanOrEqualTo(25);
    }
  }

  @Test
  void theSharedThrottleHoldsFromTheServersSide() {
    for (String strategy : List.of("virtual", "async")) {
      FakeFrankfurter api = FakeFrankfurter.synthetic(13);
      Cli run = run(api, "-s", strategy, "--rate", "10");
      assertThat(run.exitCode()).isZero();
      assertThat(api.maxStartsInWindow(1_000_000_000L)).as(strategy).isLessThanOrEqualTo(10 + 1);
    }
  }

  @Test
  void aRateLimitedServerIsSurvivedWithOnlyAFewMore429sAfterTheFirstWave() {
    FakeFrankfurter api = FakeFrankfurter.synthetic(20).rateLimit(8);
    Cli run = run(api, "-s", "thread-per-item");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(20);
    List<Integer> codes = api.statusCodes();
    // The first wave: 20 at once, 8 accepted and 12 refused. After it, a handful at most.
    List<Integer> afterFirstWave = codes.subList(20, codes.size());
    assertThat(afterFirstWave.stream().filter(c -> c == 429).count()).isLessThanOrEqualTo(5);
  }

  static String[] concat(String[] a, String[] b) {
    String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
