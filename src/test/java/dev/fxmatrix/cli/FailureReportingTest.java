package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import dev.fxmatrix.testing.TimedQueueDispatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a cron job sees when the API misbehaves: each failed base is one stderr line naming the
 * base, what happened and how many attempts were made; the other rows still print; exit code 1.
 *
 * <p>Most tests fetch the single row {@code USD} (columns USD, EUR) with {@code -q}, so stderr holds
 * nothing but the failure report and can be compared whole.
 */
class FailureReportingTest {
  static final String USD_RATES =
      "{\"amount\":1.0,\"base\":\"USD\",\"date\":\"" + FakeFrankfurter.LATEST + "\",\"rates\":{\"EUR\":0.8867606633}}";
  static final String USD_ROW = "1 USD =     1.0 USD,   0.887 EUR\n";

  @StartStop final MockWebServer server = new MockWebServer();
  final TimedQueueDispatcher queue = new TimedQueueDispatcher();

  @BeforeEach
  void serveFromTheQueue() {
    server.setDispatcher(queue);
  }

  static Stream<String> strategies() {
    return Stream.of("sequential", "thread-per-item", "pool", "virtual", "async");
  }

  /** Fetches the single row USD (columns USD, EUR) quietly, with {@code options} added. */
  Cli fetchUsd(String... options) {
    List<String> args = new ArrayList<>(List.of("--api-url", server.url("/v1").toString(), "-b", "USD", "--symbols", "USD,EUR", "-q"));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  static MockResponse.Builder ok() {
    return new MockResponse.Builder().body(USD_RATES).addHeader("Content-Type", "application/json");
  }

  static MockResponse.Builder status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
  }

  static void assertNoStackTrace(Cli run) {
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  // --- HTTP errors and retries ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void serverErrorsAreRetriedThenReportedWithTheAttemptCount(String strategy) {
    queue.enqueue(status(500, "").build());
    queue.enqueue(status(500, "").build());

    Cli run = fetchUsd("--strategy", strategy, "--retries", "1");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: HTTP 500 (2 attempts)\n");
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theServersMessageIsPartOfTheReason() {
    queue.enqueue(status(503, "{\"message\":\"down for maintenance\"}").build());

    Cli run = fetchUsd("--retries", "0");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: HTTP 503: down for maintenance (1 attempt)\n");
  }

  @Test
  void aServerErrorThatClearsUpIsNoFailure() {
    queue.enqueue(status(500, "").build());
    queue.enqueue(status(503, "").build());
    queue.enqueue(ok().build());

    Cli run = fetchUsd("--retries", "3");

    assertThat(run.out()).isEqualTo(USD_ROW);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void clientErrorsOtherThan429AreNeverRetried(int code) {
    queue.enqueue(status(code, "{\"message\":\"no\"}").build());
    for (int i = 0; i < 3; i++) {
      queue.enqueue(ok().build()); // a retry would get these and succeed
    }

    Cli run = fetchUsd("--retries", "3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).endsWith(" (1 attempt)\n").contains(String.valueOf(code));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // Retry-After in seconds and as a date, on 429 and 503: exact schedules in EngineTest (virtual
  // time, over real HTTP), every date form in HttpAttemptsTest. Here, what a user reads.

  @Test
  void aRetryAfterDateTooFarAheadFailsAtOnceSayingHowLong() {
    String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    queue.enqueue(status(429, "").addHeader("Retry-After", inAnHour).build());
    queue.enqueue(ok().build());

    Cli run = fetchUsd("--retries", "3");

    Matcher m =
        Pattern.compile("fxmatrix: USD: HTTP 429 \\(rate limited\\), server asks to wait (\\d+)m(\\d+)s \\(1 attempt\\)\n")
            .matcher(run.err());
    assertThat(m.matches()).as(run.err()).isTrue();
    assertThat(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2))).isBetween(3_400, 3_600);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sequential", "async"}) // the blocking and the non-blocking path
  void everyRetryGoesThroughTheSharedThrottle(String strategy) {
    queue.enqueue(status(500, "").build());
    queue.enqueue(ok().build());

    Cli run = fetchUsd("--strategy", strategy, "--rate", "3", "--retries", "1");

    assertThat(run.exitCode()).isZero();
    // At 3 requests/s the retry waits ~333ms for its slot; the back-off alone would be 100-200ms.
    // Seen at the server, the first request also carries the connect (tens of ms on a busy machine),
    // so the gap can be that much shorter than the throttle's.
    assertThat(queue.gapsMillis()).singleElement().satisfies(gap -> assertThat(gap).isBetween(250L, 10_000L));
  }

  // --- Timeouts, dropped connections, refused connections ---

  @Test
  void aServerThatNeverAnswersTimesOut() {
    queue.enqueue(ok().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    long start = System.nanoTime();
    Cli run = fetchUsd("--timeout", "1s", "--retries", "0");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(run.err()).isEqualTo("fxmatrix: USD: timed out after 1s (1 attempt)\n");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(millis).isLessThan(8_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void aStalledBodyTimesOutAndIsRetried(String strategy) {
    queue.enqueue(ok().onResponseBody(SocketEffect.Stall.INSTANCE).build());
    queue.enqueue(ok().onResponseBody(SocketEffect.Stall.INSTANCE).build());

    long start = System.nanoTime();
    Cli run = fetchUsd("--strategy", strategy, "--timeout", "300ms", "--retries", "1");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(run.err()).isEqualTo("fxmatrix: USD: timed out after 300ms (2 attempts)\n");
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(millis).isLessThan(8_000);
  }

  @Test
  void aTricklingBodyIsBoundedByTheWholeCallTimeout() {
    // A byte every 100ms never trips a read timeout of 500ms, but the ~80-byte body takes 8s.
    queue.enqueue(ok().throttleBody(1, 100, TimeUnit.MILLISECONDS).build());

    long start = System.nanoTime();
    Cli run = fetchUsd("--timeout", "500ms", "--retries", "0");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(run.err()).isEqualTo("fxmatrix: USD: timed out after 500ms (1 attempt)\n");
    assertThat(millis).isLessThan(5_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void aDroppedConnectionIsRetriedThenReportedReadably(String strategy) {
    queue.enqueue(ok().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    queue.enqueue(ok().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    Cli run = fetchUsd("--strategy", strategy, "--retries", "1");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: connection closed by the server (2 attempts)\n");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aConnectionDroppedMidBodyIsReportedReadably() {
    queue.enqueue(ok().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

    Cli run = fetchUsd("--retries", "0");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: connection closed by the server mid-response (1 attempt)\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aDroppedConnectionThatRecoversIsNoFailure() {
    queue.enqueue(ok().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    queue.enqueue(ok().build());

    Cli run = fetchUsd("--retries", "1");

    assertThat(run.out()).isEqualTo(USD_ROW);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aClosedPortIsConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    Cli run =
        Cli.run("--api-url", "http://127.0.0.1:" + port + "/v1", "-b", "USD", "--symbols", "USD,EUR", "-q", "--retries", "1");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: connection refused (2 attempts)\n");
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
  }

  // --- Bodies that are not the expected JSON ---

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("truncated", USD_RATES.substring(0, 60), "malformed response: not JSON ("),
        Arguments.of("HTML error page", "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "malformed response: not JSON ("),
        Arguments.of("empty", "", "malformed response: empty body"),
        Arguments.of("a JSON array", "[1,2,3]", "malformed response: expected a JSON object"),
        Arguments.of("rates missing", "{\"base\":\"USD\",\"date\":\"2019-04-09\"}", "malformed response: no \"rates\" object"),
        Arguments.of("rates a list", "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":[0.88]}", "malformed response: no \"rates\" object"),
        Arguments.of("rate a string", "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":\"0.88\"}}", "malformed response: rate of EUR is \"0.88\", not a positive number"),
        Arguments.of("rate null", "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":null}}", "malformed response: rate of EUR is null, not a positive number"),
        Arguments.of("rate zero", "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0}}", "malformed response: rate of EUR is 0, not a positive number"),
        Arguments.of("rate negative", "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":-0.88}}", "malformed response: rate of EUR is -0.88, not a positive number"),
        Arguments.of("base missing", "{\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0.88}}", "malformed response: no \"base\""),
        Arguments.of("another base", "{\"base\":\"EUR\",\"date\":\"2019-04-09\",\"rates\":{\"USD\":1.12}}", "malformed response: asked for base USD, got EUR"),
        Arguments.of("date missing", "{\"base\":\"USD\",\"rates\":{\"EUR\":0.88}}", "malformed response: no \"date\""),
        Arguments.of("date not a date", "{\"base\":\"USD\",\"date\":\"2019-13-45\",\"rates\":{\"EUR\":0.88}}", "malformed response: date \"2019-13-45\" is not YYYY-MM-DD"),
        Arguments.of("date with a sign", "{\"base\":\"USD\",\"date\":\"+019-04-09\",\"rates\":{\"EUR\":0.88}}", "malformed response: date \"+019-04-09\" is not YYYY-MM-DD"),
        Arguments.of("date with a time", "{\"base\":\"USD\",\"date\":\"2019-04-09T16:00\",\"rates\":{\"EUR\":0.88}}", "malformed response: date \"2019-04-09T16:00\" is not YYYY-MM-DD"),
        Arguments.of("date short", "{\"base\":\"USD\",\"date\":\"2019-4-9\",\"rates\":{\"EUR\":0.88}}", "malformed response: date \"2019-4-9\" is not YYYY-MM-DD"),
        Arguments.of("trailing garbage", USD_RATES + " {\"EUR\":9}", "malformed response: not JSON ("),
        Arguments.of("a key twice", "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0.88,\"EUR\":8.8}}", "malformed response: not JSON (Duplicate field 'EUR')"),
        Arguments.of("date in the future", "{\"base\":\"USD\",\"date\":\"2099-01-01\",\"rates\":{\"EUR\":0.88}}", "malformed response: date 2099-01-01 is in the future"),
        Arguments.of("control characters", "{\"base\":\"USD\",\"date\":\"\\u001b[31m\",\"rates\":{\"EUR\":0.88}}", "malformed response: date \"\\u001b[31m\" is not YYYY-MM-DD"),
        // We never ask for an amount: rates for 100 USD would be a hundred times too big.
        Arguments.of("amount not 1", "{\"amount\":100.0,\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":88.67}}", "malformed response: rates for an amount of 100.0, not 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void aBodyThatIsNotTheExpectedJsonFailsThatBase(String what, String body, String reason) {
    queue.enqueue(ok().body(body).build());

    Cli run = fetchUsd("--retries", "0");

    assertThat(run.err()).startsWith("fxmatrix: USD: " + reason).endsWith(" (1 attempt)\n").hasLineCount(1)
        .doesNotContain("Source:").doesNotContain("REDACTED").doesNotContain("\u001b"); // no Jackson internals, no raw ESC
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
    assertNoStackTrace(run);
  }

  @Test
  void anOversizedBodyFailsThatBase() {
    String huge = "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0.88},\"pad\":\"" + "x".repeat(300_000) + "\"}";
    queue.enqueue(ok().body(huge).build());

    Cli run = fetchUsd("--retries", "0");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: malformed response: body of " + huge.length() + " bytes is too large (1 attempt)\n");
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void anOversizedBodyWithoutContentLengthFailsThatBase() {
    String huge = "{\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0.88},\"pad\":\"" + "x".repeat(300_000) + "\"}";
    queue.enqueue(ok().chunkedBody(huge, 8192).build());

    Cli run = fetchUsd("--retries", "0");

    assertThat(run.err()).isEqualTo("fxmatrix: USD: malformed response: body over 256 KiB (1 attempt)\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  // --- Unknown currencies ---

  @Test
  void anUnknownCurrencyIsNamedAndTheOtherRowsPrint() {
    server.setDispatcher(FakeFrankfurter.seed());

    Cli run = Cli.run("--api-url", server.url("/v1").toString(), "-b", "USD,XAU", "--symbols", "USD,EUR", "-q");

    assertThat(run.out()).isEqualTo(USD_ROW);
    assertThat(run.err())
        .isEqualTo(
            """
            fxmatrix: XAU: unknown currency XAU (HTTP 404: not found) (1 attempt)
            fxmatrix: 1 of 2 bases failed
            """);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2); // the 404 was not retried
  }

  @Test
  void a422AboutTheCurrencyIsNamedAsAnUnknownCurrency() {
    queue.enqueue(status(422, "{\"message\":\"bad currency pair\"}").build());

    Cli run = fetchUsd();

    assertThat(run.err()).isEqualTo("fxmatrix: USD: unknown currency USD (HTTP 422: bad currency pair) (1 attempt)\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void a404WithoutAMessageIsNotCalledAnUnknownCurrency() {
    // Not Frankfurter's JSON: most likely --api-url points somewhere else.
    queue.enqueue(new MockResponse.Builder().code(404).body("<html><body>Not Found</body></html>").build());

    Cli run = fetchUsd();

    assertThat(run.err()).startsWith("fxmatrix: USD: HTTP 404").doesNotContain("unknown currency").endsWith(" (1 attempt)\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  // --- The whole run ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void theOtherRowsArePrintedWhenOneBaseFails(String strategy) {
    FakeFrankfurter api = FakeFrankfurter.seed();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return "PLN".equals(request.getUrl().queryParameter("base")) ? status(500, "").build() : api.dispatch(request);
          }
        });

    Cli run = Cli.run("--api-url", server.url("/v1").toString(), "--strategy", strategy, "--retries", "1");

    assertThat(run.out()).isEqualTo(MatrixCommandTest.SEED_TABLE.replaceAll("(?m)^1 PLN.*\n", ""));
    assertThat(run.err())
        .contains("fxmatrix: PLN: HTTP 500 (2 attempts)\n")
        .contains("fxmatrix: 1 of 5 bases failed\n")
        .contains("time elapsed: ");
    assertThat(run.exitCode()).isEqualTo(1);
    assertNoStackTrace(run);
  }

  @Test
  void noStackTraceWithoutVerbose() {
    queue.enqueue(ok().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    Cli run = fetchUsd("--retries", "0");

    assertThat(run.err()).hasLineCount(1);
    assertNoStackTrace(run);
  }

  @Test
  void verboseAddsTheStackTrace() {
    queue.enqueue(ok().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    Cli run = fetchUsd("--retries", "0", "--verbose");

    assertThat(run.err()).contains("fxmatrix: USD: connection closed by the server (1 attempt)\n").contains("\tat ");
  }
}
