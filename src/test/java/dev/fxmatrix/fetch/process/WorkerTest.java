package dev.fxmatrix.fetch.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.RateFetcher;
import dev.fxmatrix.fetch.RetryPolicy;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's side of the protocol, in-process over real pipes: this test plays the parent. */
class WorkerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeFrankfurter api = FakeFrankfurter.seed();

  PrintWriter toWorker;
  BufferedReader fromWorker;
  Thread serving;

  @BeforeEach
  void startWorker() throws IOException {
    server.setDispatcher(api);
    RateFetcher.Settings settings =
        new RateFetcher.Settings(
            server.url("/v1"), "fxmatrix/test", null, Duration.ofSeconds(5), RetryPolicy.of(2), false);
    Pipe in = Pipe.open();
    Pipe out = Pipe.open();
    toWorker = new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(in.sink()), StandardCharsets.US_ASCII), true);
    fromWorker = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.US_ASCII));
    BufferedReader workerIn = new BufferedReader(new InputStreamReader(Channels.newInputStream(in.source()), StandardCharsets.US_ASCII));
    PrintWriter workerOut = new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(out.sink()), StandardCharsets.US_ASCII));
    Worker worker = new Worker(settings, true, new PrintWriter(new StringWriter()));
    serving =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    worker.serve(workerIn, workerOut);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
  }

  @AfterEach
  void stopWorker() throws InterruptedException {
    toWorker.close();
    serving.join(5_000);
  }

  void send(Messages.ToWorker message) {
    toWorker.println(Messages.encode(message));
  }

  Messages.FromWorker next() throws IOException {
    String line = fromWorker.readLine();
    assertThat(line).as("the worker's next message").isNotNull();
    return Messages.fromWorker(line);
  }

  @Test
  void asksForATokenBeforeTheRequestAndAnswersWithExactRates() throws IOException {
    send(Messages.ToWorker.Assign.of(new Job(3, "USD", List.of("EUR", "IDR"))));
    assertThat(next()).isEqualTo(new Messages.FromWorker.NeedToken());
    assertThat(api.starts()).as("nothing is sent before the grant").isEmpty();

    send(new Messages.ToWorker.Grant(42));
    assertThat(next()).isEqualTo(new Messages.FromWorker.RequestStarted(3, 1));
    assertThat(next()).isEqualTo(new Messages.FromWorker.RequestFinished(3, 1));
    assertThat(next()).as("the permit goes back as it came").isEqualTo(new Messages.FromWorker.Succeeded(42));
    assertThat(next())
        .isEqualTo(
            new Messages.FromWorker.Result(
                3, Map.of("EUR", "0.8867606633", "IDR", "14132.9963642813"), "2019-04-09", null, null, 1));
  }

  @Test
  void aRateLimitIsPassedOnAndTheRetryWaitsForAnotherToken() throws IOException {
    api.rateLimit(1);
    send(Messages.ToWorker.Assign.of(new Job(0, "USD", List.of("EUR"))));
    next();
    send(new Messages.ToWorker.Grant(1));
    next();
    next();
    next();
    assertThat(next()).isInstanceOf(Messages.FromWorker.Result.class);

    send(Messages.ToWorker.Assign.of(new Job(1, "EUR", List.of("USD"))));
    next();
    send(new Messages.ToWorker.Grant(2));
    next();
    next();
    // Retry-After: 1 from the server; the parent's throttle makes everybody wait it out.
    assertThat(next()).isEqualTo(new Messages.FromWorker.RateLimited(2, TimeUnit.SECONDS.toNanos(1)));
    assertThat(next()).isEqualTo(new Messages.FromWorker.NeedToken());
  }

  @Test
  void aFailureComesBackAsAnErrorWithItsAttempts() throws IOException {
    send(Messages.ToWorker.Assign.of(new Job(5, "XYZ", List.of("USD"))));
    next();
    send(new Messages.ToWorker.Grant(7));
    next();
    next();
    assertThat(next())
        .isEqualTo(new Messages.FromWorker.Result(5, null, null, "unknown currency XYZ or USD (HTTP 404: not found)", null, 1));
  }

  @Test
  void endsWhenItsInputEndsEvenWhileWaitingForAToken() throws Exception {
    send(Messages.ToWorker.Assign.of(new Job(0, "USD", List.of("EUR"))));
    assertThat(next()).isEqualTo(new Messages.FromWorker.NeedToken());
    toWorker.close(); // as when the parent exits, or is killed
    serving.join(5_000);
    assertThat(serving.isAlive()).isFalse();
  }
}
