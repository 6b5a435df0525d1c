package dev.fxmatrix.demo;

import static dev.fxmatrix.testing.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.LocalHttp.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Latency, rate limit and injected errors, observed from the client side. */
class FxApiServerFaultsTest {
  private static final ServerOptions DEFAULTS = ServerOptions.defaults();

  @Test
  void latencyDelaysEveryAnswer() throws IOException {
    try (FxApiServer server = FxApiServer.start(DEFAULTS.withLatency(Duration.ofMillis(200), Duration.ZERO))) {
      for (String path : List.of("/latest", "/nowhere")) {
        Answer answer = get(server, path);
        // A lower bound only: the sleep guarantees it, scheduling can only add.
        assertThat(answer.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      }
    }
  }

  @Test
  void jitterKeepsEveryDelayWithinLatencyPlusOrMinusJitter() throws IOException {
    try (FxApiServer server =
        FxApiServer.start(DEFAULTS.withLatency(Duration.ofMillis(150), Duration.ofMillis(100)))) {
      for (int i = 0; i < 5; i++) {
        assertThat(get(server, "/latest").elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
      }
    }
  }

  @Test
  void rateLimitRefusesBeyondTheLimitWithRetryAfter() throws IOException {
    try (FxApiServer server = FxApiServer.start(DEFAULTS.withRateLimit(3))) {
      List<Answer> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(get(server, "/latest?symbols=USD"));
      }

      assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 200, 429, 429, 429);
      for (Answer refused : answers.subList(3, 6)) {
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.body()).isEqualTo("{\"message\":\"too many requests\"}");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
      }
      assertThat(server.requestCount()).isEqualTo(6);
    }
  }

  @Test
  void rateLimitLetsRequestsThroughAgainOnceTheWindowHasPassed() throws Exception {
    try (FxApiServer server = FxApiServer.start(DEFAULTS.withRateLimit(2))) {
      assertThat(get(server, "/latest").status()).isEqualTo(200);
      assertThat(get(server, "/latest").status()).isEqualTo(200);
      assertThat(get(server, "/latest").status()).isEqualTo(429);
      Thread.sleep(1100);
      assertThat(get(server, "/latest").status()).isEqualTo(200);
    }
  }

  @Test
  void errorRateOneFailsEveryRequest() throws IOException {
    try (FxApiServer server = FxApiServer.start(DEFAULTS.withErrorRate(1.0))) {
      for (int i = 0; i < 10; i++) {
        Answer answer = get(server, "/latest");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("{\"message\":\"internal error\"}");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
      }
    }
  }

  @Test
  void aSeedMakesErrorsRepeatForTheSameOrderOfRequests() throws IOException {
    ServerOptions options = DEFAULTS.withErrorRate(0.5).withSeed(7);

    List<Integer> first = statuses(options, 40);
    List<Integer> second = statuses(options, 40);
    List<Integer> otherSeed = statuses(options.withSeed(8), 40);
    // The jitter setting draws nothing extra: errors stay the same with it.
    List<Integer> withJitter = statuses(options.withLatency(Duration.ofMillis(2), Duration.ofMillis(2)), 40);

    assertThat(first).isEqualTo(second).isEqualTo(withJitter).contains(200, 500).isNotEqualTo(otherSeed);
    assertThat(first.stream().filter(s -> s == 500).count()).isBetween(8L, 32L);
  }

  @Test
  void closeIsQuickIdempotentAndAbandonsDelayedRequests() throws Exception {
    FxApiServer server = FxApiServer.start(DEFAULTS.withLatency(Duration.ofSeconds(30), Duration.ZERO));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/latest")).build(),
            HttpResponse.BodyHandlers.ofString());
    awaitRequestCount(server, 1);

    long start = System.nanoTime();
    server.close();
    server.close();
    server.awaitClose();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(pending).failsWithin(5, TimeUnit.SECONDS);
    client.close();
  }

  private static List<Integer> statuses(ServerOptions options, int requests) throws IOException {
    try (FxApiServer server = FxApiServer.start(options)) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        statuses.add(get(server, "/latest?symbols=USD").status());
      }
      return statuses;
    }
  }

  private static void awaitRequestCount(FxApiServer server, long count) throws InterruptedException {
    for (int i = 0; i < 500 && server.requestCount() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(server.requestCount()).isEqualTo(count);
  }
}
