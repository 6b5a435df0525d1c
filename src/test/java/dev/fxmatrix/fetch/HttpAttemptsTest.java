package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.api.FrankfurterV1;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import dev.fxmatrix.testing.VirtualTime;

/** How one HTTP exchange is classified: success, worth another try, or final; and in which words. */
class HttpAttemptsTest {
  static final Instant NOW = Instant.parse("2019-04-09T12:00:00Z"); // a Tuesday
  static final FrankfurterV1 API = new FrankfurterV1(HttpUrl.get("http://127.0.0.1:1/v1"), "test");
  static final Job USD = new Job(0, "USD", List.of("EUR"));
  static final Job USD_MANY = new Job(0, "USD", List.of("EUR", "PLN"));

  final HttpAttempts attempts = new HttpAttempts(Duration.ofSeconds(1), new VirtualTime(NOW));

  static Response response(int code, String body, String... headers) {
    Response.Builder builder =
        new Response.Builder()
            .request(API.request("USD", List.of("EUR"), null, 1))
            .protocol(Protocol.HTTP_1_1)
            .code(code)
            .message("status " + code)
            .body(ResponseBody.create(body, MediaType.get("application/json")));
    for (int i = 0; i < headers.length; i += 2) {
      builder.addHeader(headers[i], headers[i + 1]);
    }
    return builder.build();
  }

  AttemptResult classify(Job job, LocalDate date, int code, String body, String... headers) {
    return attempts.fromResponse(API, job, date, response(code, body, headers));
  }

  static String fatalReason(AttemptResult result) {
    assertThat(result).isInstanceOf(AttemptResult.Fatal.class);
    return ((AttemptResult.Fatal) result).reason();
  }

  static AttemptResult.Retryable retryable(AttemptResult result) {
    assertThat(result).isInstanceOf(AttemptResult.Retryable.class);
    return (AttemptResult.Retryable) result;
  }

  // --- Retry-After ---

  @Test
  void retryAfterInSeconds() {
    assertThat(attempts.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(attempts.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
    assertThat(attempts.retryAfter("0")).isEqualTo(Duration.ZERO);
    assertThat(attempts.retryAfter("-5")).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterAsAnImfFixdate() {
    assertThat(attempts.retryAfter("Tue, 09 Apr 2019 12:01:30 GMT")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void retryAfterAsADateInThePastMeansNow() {
    assertThat(attempts.retryAfter("Tue, 09 Apr 2019 11:00:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterInTheObsoleteDateFormatsHttpRecipientsMustAccept() {
    // RFC 9110 section 5.6.7: a recipient MUST accept all three HTTP-date formats.
    assertThat(attempts.retryAfter("Tuesday, 09-Apr-19 12:01:30 GMT")).as("RFC 850").isEqualTo(Duration.ofSeconds(90));
    assertThat(attempts.retryAfter("Tue Apr  9 12:01:30 2019")).as("asctime").isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void unreadableRetryAfterIsIgnored() {
    assertThat(attempts.retryAfter(null)).isNull();
    assertThat(attempts.retryAfter("")).isNull();
    assertThat(attempts.retryAfter("soon")).isNull();
    assertThat(attempts.retryAfter("1.5")).isNull();
  }

  // --- Responses ---

  @Test
  void aGoodAnswerIsASuccess() {
    AttemptResult result = classify(USD, null, 200, "{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2019-04-09\",\"rates\":{\"EUR\":0.88}}");

    assertThat(result).isInstanceOf(AttemptResult.Success.class);
    assertThat(((AttemptResult.Success) result).rates().rate("EUR")).contains(new BigDecimal("0.88"));
  }

  @Test
  void serverErrorsAreRetryable() {
    AttemptResult.Retryable result = retryable(classify(USD, null, 500, ""));

    assertThat(result.reason()).isEqualTo("HTTP 500");
    assertThat(result.retryAfter()).isNull();
    assertThat(result.rateLimited()).isFalse();
  }

  @Test
  void aServerErrorCarriesItsRetryAfter() {
    AttemptResult.Retryable result = retryable(classify(USD, null, 503, "{\"message\":\"maintenance\"}", "Retry-After", "5"));

    assertThat(result.reason()).isEqualTo("HTTP 503: maintenance");
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void http429IsRetryableAndRateLimited() {
    AttemptResult.Retryable withHeader = retryable(classify(USD, null, 429, "", "Retry-After", "1"));
    AttemptResult.Retryable without = retryable(classify(USD, null, 429, ""));

    assertThat(withHeader.rateLimited()).isTrue();
    assertThat(withHeader.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(without.rateLimited()).isTrue();
    assertThat(without.retryAfter()).isNull();
    assertThat(without.reason()).isEqualTo("HTTP 429 (rate limited)");
  }

  @Test
  void notFoundSaysWhatItMeansForTheCode() {
    // Every request carries a code Frankfurter surely has, so a 404 is about the base or the date.
    Job xyz = new Job(0, "XYZ", List.of("EUR"));
    assertThat(fatalReason(classify(xyz, null, 404, "{\"message\":\"not found\"}")))
        .isEqualTo("unknown currency XYZ (HTTP 404: not found)");
    assertThat(fatalReason(classify(USD_MANY, null, 404, "{\"message\":\"not found\"}")))
        .isEqualTo("no latest rates for USD (HTTP 404: not found)");
    assertThat(fatalReason(classify(USD_MANY, LocalDate.parse("1998-04-05"), 404, "{\"message\":\"not found\"}")))
        .isEqualTo("no rates for USD on 1998-04-05 (HTTP 404: not found)");
  }

  @Test
  void aNotFoundFromAUrlWithoutV1SuggestsIt() {
    FrankfurterV1 root = new FrankfurterV1(HttpUrl.get("http://127.0.0.1:1/"), "test");
    assertThat(root.explain(404, "{\"message\":\"not found\"}".getBytes(), "USD", List.of("EUR"), null))
        .isEqualTo("HTTP 404: not found: is http://127.0.0.1:1/ a Frankfurter v1 URL? (they end in /v1)");
  }

  @Test
  void notFoundWithoutAMessageIsNotCalledAnUnknownCurrency() {
    String reason = fatalReason(classify(USD, null, 404, "<html><body>Not Found</body></html>"));

    assertThat(reason).startsWith("HTTP 404").doesNotContain("unknown currency");
  }

  @Test
  void unprocessableCurrencyIsAnUnknownCurrency() {
    assertThat(fatalReason(classify(USD, null, 422, "{\"message\":\"bad currency pair\"}")))
        .isEqualTo("unknown currency USD (HTTP 422: bad currency pair)");
    assertThat(fatalReason(classify(USD_MANY, null, 422, "{\"message\":\"invalid currency XYZ\"}")))
        .isEqualTo("unknown currency USD (HTTP 422: invalid currency XYZ)");
  }

  @Test
  void unprocessableDateSaysSo() {
    String reason = fatalReason(classify(USD, LocalDate.parse("2019-04-05"), 422, "{\"message\":\"invalid date\"}"));

    assertThat(reason).isEqualTo("date 2019-04-05 refused by the server (HTTP 422: invalid date)");
  }

  @Test
  void otherClientErrorsKeepTheirStatusAndMessage() {
    assertThat(fatalReason(classify(USD, null, 422, "{\"message\":\"invalid amount\"}"))).isEqualTo("HTTP 422: invalid amount");
    assertThat(fatalReason(classify(USD, null, 422, ""))).isEqualTo("HTTP 422");
    assertThat(fatalReason(classify(USD, null, 400, "{\"message\":\"bad request\"}"))).isEqualTo("HTTP 400: bad request");
    assertThat(fatalReason(classify(USD, null, 403, "<html>Forbidden</html>"))).isEqualTo("HTTP 403");
  }

  @Test
  void anOversizedBodyIsAMalformedResponse() {
    String body = "{\"pad\":\"" + "x".repeat(dev.fxmatrix.api.Provider.MAX_BODY_BYTES) + "\"}";

    assertThat(fatalReason(classify(USD, null, 200, body))).startsWith("malformed response: body of ").endsWith(" is too large");
  }

  // --- Exceptions ---

  String reasonFor(IOException e) {
    return retryable(attempts.fromException(e)).reason();
  }

  @Test
  void timeoutsNameTheTimeout() {
    assertThat(reasonFor(new SocketTimeoutException("Read timed out"))).isEqualTo("timed out after 1s");
    assertThat(reasonFor(new SocketTimeoutException("timeout"))).isEqualTo("timed out after 1s");
    assertThat(reasonFor(new InterruptedIOException("timeout"))).isEqualTo("timed out after 1s");
  }

  @Test
  void connectionFailuresAreNamedPlainly() {
    assertThat(reasonFor(new ConnectException("Failed to connect to /127.0.0.1:1"))).isEqualTo("connection refused");
    assertThat(reasonFor(new UnknownHostException("api.example.invalid"))).isEqualTo("unknown host api.example.invalid");
    assertThat(reasonFor(new UnknownHostException("api.example.invalid: Name or service not known")))
        .isEqualTo("unknown host api.example.invalid");
    assertThat(reasonFor(new UnknownHostException())).isEqualTo("unknown host");
    assertThat(reasonFor(new SocketException("Connection reset"))).isEqualTo("connection reset by the server");
    assertThat(reasonFor(new IOException("Canceled"))).isEqualTo("cancelled");
  }

  @Test
  void aDroppedConnectionIsNamedPlainly() {
    // What OkHttp throws when the server closes before the status line, and in the middle of a body.
    IOException beforeAnswer =
        new IOException("unexpected end of stream on http://127.0.0.1:1/...", new EOFException("\\n not found: limit=0"));

    assertThat(reasonFor(beforeAnswer)).isEqualTo("connection closed by the server");
    assertThat(reasonFor(new ProtocolException("unexpected end of stream"))).isEqualTo("connection closed by the server mid-response");
    assertThat(reasonFor(new EOFException())).isEqualTo("connection closed by the server mid-response");
  }

  @Test
  void anExceptionWithoutMessageIsNotReportedByItsClassName() {
    assertThat(reasonFor(new IOException())).isEqualTo("connection failed");
  }
}
