package dev.fxmatrix.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.testing.FakeFrankfurter;
import dev.fxmatrix.testing.Fetching;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
    Pipe in = Pipe.open();
    Pipe out = Pipe.open();
    toWorker = new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(in.sink()), StandardCharsets.US_ASCII), true);
    fromWorker = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.US_ASCII));
    BufferedReader workerIn = new BufferedReader(new InputStreamReader(Channels.newInputStream(in.source()), StandardCharsets.US_ASCII));
    PrintWriter workerOut = new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(out.sink()), StandardCharsets.US_ASCII));
    serving =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    Worker.serve(workerIn, workerOut, new PrintWriter(new StringWriter()));
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
    toWorker.println(WorkerMessages.encode(WorkerMessages.Settings.of(Fetching.options(server.url("/v1")))));
    assertThat(fromWorker.readLine()).as("ready once its engine is built").isEqualTo(WorkerMessages.READY);
  }

  @AfterEach
  void stopWorker() throws InterruptedException {
    toWorker.close();
    serving.join(5_000);
  }

  WorkerMessages.Result attempt(Job job) throws IOException {
    toWorker.println(WorkerMessages.encode(WorkerMessages.Request.of(job, 0, 1)));
    String line = fromWorker.readLine();
    assertThat(line).as("the worker's answer").isNotNull();
    return WorkerMessages.decode(line, WorkerMessages.Result.class);
  }

  @Test
  void answersOneAttemptWithTheExactRates() throws IOException {
    assertThat(attempt(new Job(3, "USD", List.of("EUR", "IDR"))))
        .isEqualTo(
            new WorkerMessages.Result(
                3, "success", "frankfurter", Map.of("EUR", "0.8867606633", "IDR", "14132.9963642813"), FakeFrankfurter.LATEST,
                null, null, false, null));
    assertThat(api.starts()).hasSize(1);
  }

  @Test
  void aRateLimitComesBackForTheParentToDecideAndIsNotRetriedHere() throws IOException {
    api.rateLimit(1);
    attempt(new Job(0, "USD", List.of("EUR")));
    WorkerMessages.Result limited = attempt(new Job(1, "EUR", List.of("USD")));

    assertThat(limited.kind()).isEqualTo("retryable");
    assertThat(limited.rateLimited()).isTrue();
    assertThat(limited.retryAfterMillis()).as("the server's Retry-After: 1").isEqualTo(1000);
    assertThat(api.starts()).as("one request per attempt asked for").hasSize(2);
  }

  @Test
  void aFailureThatWillNotChangeComesBackWithItsReason() throws IOException {
    assertThat(attempt(new Job(5, "XYZ", List.of("USD"))))
        .isEqualTo(
            new WorkerMessages.Result(
                5, "fatal", null, null, null, "unknown currency XYZ (HTTP 404: not found)", null, false, null));
  }

  @Test
  void endsWhenItsInputEnds() throws Exception {
    attempt(new Job(0, "USD", List.of("EUR")));
    toWorker.close(); // as when the parent exits, or is killed
    serving.join(5_000);
    assertThat(serving.isAlive()).isFalse();
  }
}
