package dev.fxmatrix.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import dev.fxmatrix.testing.ChildJvm;
import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import dev.fxmatrix.testing.Fetching;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --strategy process} with real worker processes. Each run pays a few JVM starts, so the
 * runs are few and small; waits are on conditions, with generous deadlines for a busy 2-core box.
 */
class ProcessStrategyTest {
  static final String SEED_BASES = "USD,EUR,PLN,NOK,CZK,JPY,KRW,IDR";

  @StartStop final MockWebServer server = new MockWebServer();

  Cli run(FakeFrankfurter api, String... options) {
    server.setDispatcher(api);
    List<String> args = new ArrayList<>(List.of("--api-url", apiUrl(), "-q"));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  String apiUrl() {
    return server.url("/v1").toString();
  }

  @Test
  void printsExactlyWhatSequentialPrints() {
    // CSV keeps every digit the API sent, so this also shows nothing is lost between the processes.
    String sequential = run(FakeFrankfurter.seed(), "-b", SEED_BASES, "-f", "csv", "-s", "sequential").out();
    Cli process = run(FakeFrankfurter.seed(), "-b", SEED_BASES, "-f", "csv", "-s", "process", "-t", "2");
    assertThat(process.out()).isEqualTo(sequential);
    assertThat(process.err()).isEmpty();
    assertThat(process.exitCode()).isZero();
  }

  @Test
  void workersShareTheParentsThrottle() {
    FakeFrankfurter api = FakeFrankfurter.synthetic(20);
    Cli run = run(api, "-b", String.join(",", api.currencies()), "-s", "process", "-t", "2", "--rate", "8");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // Unpaced, the two workers send all twenty in a blink; a throttle of each worker's own would let
    // sixteen through in a second; shared, eight a second (one more for timing at a window's edges).
    // Seen at the server, a request can arrive late after its permit (a worker JVM's first request,
    // on a busy machine) and land in the next one's second: one such per worker is allowed.
    assertThat(api.maxStartsInWindow(TimeUnit.SECONDS.toNanos(1))).isLessThanOrEqualTo(8 + 1 + 2);
  }

  @Test
  void aRateLimitInOneWorkerPausesThemAll() {
    FakeFrankfurter api = FakeFrankfurter.synthetic(6).rateLimit(3);
    Cli run = run(api, "-b", String.join(",", api.currencies()), "-s", "process", "-t", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(6);
    long refused = api.statusCodes().stream().filter(c -> c == 429).count();
    // Unpaced, each worker would retry at once and burn its retries; paused, a wave or so is refused.
    assertThat(refused).isBetween(1L, 6L);
  }

  @Test
  void theParentsListenerHearsOfEveryAttemptAndNoRequestMeansNoWorker() throws Exception {
    server.setDispatcher(FakeFrankfurter.seed());
    List<String> events = new CopyOnWriteArrayList<>();
    FetchListener listener =
        new FetchListener() {
          @Override
          public void requestStarted(Job job, int attempt, long startNanos) {
            events.add("start " + job.base() + " " + attempt);
          }

          @Override
          public void requestFinished(Job job, int attempt, String lane, long startNanos, long endNanos) {
            events.add("end " + job.base() + " " + attempt + " " + lane.replaceAll("\\d+", "N"));
          }
        };
    List<Job> jobs = List.of(new Job(0, "USD", List.of("EUR")), new Job(1, "EUR", List.of()), new Job(2, "PLN", List.of("USD")));
    Outcomes outcomes = new Outcomes(jobs.size());
    try (Engine engine = Engine.open(Fetching.options(server.url("/v1"), 1), 2, listener);
        ProcessStrategy strategy = new ProcessStrategy(4)) {
      strategy.start(jobs, engine, outcomes);
      List<Outcome> done = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        done.add(outcomes.poll(Duration.ofSeconds(20)));
      }
      assertThat(done).allMatch(o -> o instanceof Outcome.Fetched);
      // Two jobs need a request, so two workers, not four.
      assertThat(ProcessHandle.current().children().filter(ProcessStrategyTest::isWorker)).hasSizeLessThanOrEqualTo(2);
    }
    assertThat(events)
        .containsExactlyInAnyOrder("start USD 1", "end USD 1 worker-N", "start PLN 1", "end PLN 1 worker-N");
    assertThat(ProcessHandle.current().children().filter(ProcessStrategyTest::isWorker)).as("after close()").isEmpty();
  }

  @Test
  void aKilledWorkerCostsTheBaseItHeldOneAttemptAndANewWorkerTakesOver() throws Exception {
    FakeFrankfurter api = FakeFrankfurter.synthetic(6).delay(HELD_MS);
    AtomicLong killed = new AtomicLong();
    Thread killer = killFirstWorkerOnceBusy(api, killed);
    Cli run = run(api, "-b", String.join(",", api.currencies()), "-s", "process", "-t", "2");
    killer.join();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).as("every row").hasSize(6);
    assertThat(killed.get()).isPositive();
  }

  @Test
  void withoutRetriesAKilledWorkerFailsOnlyTheBaseItHeld() throws Exception {
    FakeFrankfurter api = FakeFrankfurter.synthetic(6).delay(HELD_MS);
    AtomicLong killed = new AtomicLong();
    Thread killer = killFirstWorkerOnceBusy(api, killed);
    Cli run = run(api, "-b", String.join(",", api.currencies()), "-s", "process", "-t", "2", "--retries", "0");
    killer.join();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.contains("died")).toList())
        .singleElement()
        .asString()
        .matches("fxmatrix: [A-Z]{3}: worker process " + killed.get() + " died \\(exit code 137\\) \\(1 attempt\\)");
    assertThat(run.err()).contains("fxmatrix: 1 of 6 bases failed");
    assertThat(run.out().lines()).as("every other row").hasSize(5);
  }

  /**
   * How long the API holds each request in the kill tests. A worker killed between two requests
   * holds no base and fails nothing; on a loaded machine the killer once took longer than 200 ms to
   * strike (CI: exit 0 where 1 was due), so a second.
   */
  private static final int HELD_MS = 1000;

  private static Thread killFirstWorkerOnceBusy(FakeFrankfurter api, AtomicLong killed) {
    return Thread.ofPlatform()
        .start(
            () -> {
              // Both workers' first requests are in: each holds one for the server's delay.
              await(() -> api.starts().size() >= 2, "a request from each worker");
              ProcessHandle worker =
                  ProcessHandle.current().children().filter(ProcessStrategyTest::isWorker).findFirst().orElseThrow();
              killed.set(worker.pid());
              worker.destroyForcibly();
            });
  }

  @Test
  @EnabledOnOs(OS.LINUX) // signals by kill(1), and /proc to see which are ignored
  void ctrlCLeavesNoWorkerBehind(@TempDir Path dir) throws Exception {
    FakeFrankfurter api = FakeFrankfurter.synthetic(4).delay(1_000);
    server.setDispatcher(api);
    List<String> command = new ArrayList<>(ChildJvm.sigintAsDefault());
    command.addAll(
        List.of(
            ChildJvm.javaCommand(), "-cp", System.getProperty("java.class.path"), WorkerLauncher.MAIN_CLASS,
            "--api-url", apiUrl(), "-b", String.join(",", api.currencies()), "-s", "process", "-t", "2"));
    Path err = dir.resolve("stderr");
    Process parent =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(err.toFile())
            .start();
    try {
      await(() -> api.starts().size() >= 2, "both workers at work");
      List<ProcessHandle> workers = parent.descendants().toList();
      assertThat(workers).hasSize(2);
      assumeFalse(ChildJvm.ignoresSigint(parent.pid()), "SIGINT is ignored here, as in a background job, and cannot be reset");

      ChildJvm.signal("INT", parent.pid());

      assertThat(parent.waitFor(15, TimeUnit.SECONDS)).as("the parent exits").isTrue();
      assertThat(parent.exitValue()).isEqualTo(130);
      assertThat(workers).noneMatch(ProcessHandle::isAlive);
      assertThat(Files.readString(err)).contains("fxmatrix: interrupted");
    } finally {
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  /**
   * Even a parent killed with SIGKILL leaves no worker running: the kernel closes the pipe, and that
   * is the cue, once the attempt in hand (bounded by the timeout) is answered.
   */
  @Test
  void aWorkerExitsWhenItsInputEnds() throws Exception {
    server.setDispatcher(FakeFrankfurter.seed());
    Process worker = WorkerLauncher.sameJava().start();
    try {
      PrintWriter toWorker = new PrintWriter(worker.getOutputStream(), true, StandardCharsets.US_ASCII);
      BufferedReader fromWorker = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.US_ASCII));
      toWorker.println(WorkerMessages.encode(WorkerMessages.Settings.of(Fetching.options(server.url("/v1")))));
      assertThat(fromWorker.readLine()).isEqualTo(WorkerMessages.READY);
      toWorker.println(WorkerMessages.encode(WorkerMessages.Request.of(new Job(0, "USD", List.of("EUR")), 0, 1)));
      assertThat(fromWorker.readLine()).startsWith("{\"row\":0,\"kind\":\"success\",\"provider\":\"frankfurter\"");
      toWorker.close();

      assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.exitValue()).isZero();
    } finally {
      worker.destroyForcibly();
    }
  }

  static boolean isWorker(ProcessHandle process) {
    return process.info().arguments().map(List::of).orElse(List.of()).contains("worker");
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
