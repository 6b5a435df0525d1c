package dev.fxmatrix.fetch;

import dev.fxmatrix.api.ApiException;
import dev.fxmatrix.api.Json;
import dev.fxmatrix.api.Provider;
import dev.fxmatrix.api.RateTable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns what one HTTP exchange produced (a response or an exception) into an {@link AttemptResult}.
 * Every way of sending shares it (blocking, callbacks, worker processes), so all classify alike.
 */
final class HttpAttempts {
  private final Duration timeout;
  private final TimeSource time;

  HttpAttempts(Duration timeout, TimeSource time) {
    this.timeout = timeout;
    this.time = time;
  }

  /** What {@code provider}'s {@code response} to its request for {@code job} means. */
  AttemptResult fromResponse(Provider provider, Job job, LocalDate date, Response response) {
    try (response) {
      int code = response.code();
      if (code >= 200 && code < 300) {
        AttemptResult.Source source = source(response);
        try {
          RateTable rates = provider.read(job.base(), job.symbols(), date, readCapped(response.body(), provider.maxBodyBytes()));
          return new AttemptResult.Success(rates, source, Instant.ofEpochMilli(response.receivedResponseAtMillis()));
        } catch (ApiException | IOException e) {
          if (source == AttemptResult.Source.HIT) {
            return new AttemptResult.CacheUnreadable(e);
          }
          throw e;
        }
      }
      if (code == 504 && response.networkResponse() == null && response.cacheResponse() == null) {
        // OkHttp's answer to "only if cached" when the cache has nothing for the request.
        return new AttemptResult.Fatal("not in the cache (--offline sends no request)", null);
      }
      byte[] body = errorBody(response.body());
      if (code == 429) {
        Duration wait = retryAfter(response.header("Retry-After"));
        return new AttemptResult.Retryable(
            "HTTP 429 (rate limited)", wait != null ? wait : provider.rateLimitWait().orElse(null), true, null);
      }
      if (code >= 500) {
        String message = Json.message(body).map(m -> ": " + m).orElse("");
        return new AttemptResult.Retryable("HTTP " + code + message, retryAfter(response.header("Retry-After")), false, null);
      }
      return new AttemptResult.Fatal(provider.explain(code, body, job.base(), job.symbols(), date), null);
    } catch (ApiException e) {
      // A 2xx with a body we cannot trust (a CDN error page, a truncated document) is not retried:
      // the same server would most likely send the same thing again.
      return new AttemptResult.Fatal(e.getMessage(), e);
    } catch (IOException e) {
      return fromException(e);
    }
  }

  /** How the cache took part: OkHttp keeps the network and the cache response it combined. */
  static AttemptResult.Source source(Response response) {
    if (response.networkResponse() == null) {
      return response.cacheResponse() != null ? AttemptResult.Source.HIT : AttemptResult.Source.FETCHED;
    }
    return response.cacheResponse() != null && response.networkResponse().code() == 304
        ? AttemptResult.Source.REVALIDATED
        : AttemptResult.Source.FETCHED;
  }

  /** An error page's body; an oversized one is left unread, and its status still decides what follows. */
  private static byte[] errorBody(ResponseBody body) throws IOException {
    try {
      return readCapped(body, Provider.MAX_BODY_BYTES);
    } catch (ApiException tooLarge) {
      return new byte[0];
    }
  }

  AttemptResult fromException(IOException e) {
    return fromException(e, null);
  }

  /** What the failure of {@code request} (null when unknown) means. */
  AttemptResult fromException(IOException e, okhttp3.Request request) {
    if (e instanceof InterruptedIOException && TlsWatch.wasInHandshake(request)) { // a read timeout, or the whole call's
      return new AttemptResult.Fatal(
          "no TLS answer within " + Durations.format(timeout) + ": does the server speak https? (is the URL http://?)", e);
    }
    if (e instanceof SSLException tls && !(tls.getCause() instanceof EOFException)) {
      // A handshake that failed (not one the server hung up on) fails the same way every time.
      return new AttemptResult.Fatal(tlsFailure(tls), e);
    }
    return new AttemptResult.Retryable(describe(e), null, false, e);
  }

  private static String tlsFailure(SSLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof SSLPeerUnverifiedException || e.getCause() instanceof CertificateException) {
      return "TLS certificate not accepted: " + message;
    }
    if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
      return "TLS handshake failed: the server answered in plain text (is the URL http://, not https://?)";
    }
    return "TLS handshake failed: " + message;
  }

  private String describe(IOException e) {
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return "timed out after " + Durations.format(timeout);
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      // The JDK says "host: Name or service not known" the first time and "host" once the failed
      // lookup is cached: the same failure, so the same words for every base.
      String host = e.getMessage() == null ? "" : e.getMessage();
      int reason = host.indexOf(": ");
      return ("unknown host " + (reason < 0 ? host : host.substring(0, reason))).strip();
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to host";
    }
    String message = e.getMessage();
    if ("Canceled".equals(message)) {
      return "cancelled";
    }
    // OkHttp's words when the server hangs up: "unexpected end of stream on <url>" before the
    // status line, a bare "unexpected end of stream" (or an EOFException) inside a body.
    if (message != null && message.startsWith("unexpected end of stream on ")) {
      return "connection closed by the server";
    }
    if (e instanceof EOFException || "unexpected end of stream".equals(message)) {
      return "connection closed by the server mid-response";
    }
    if (e instanceof SocketException && message != null && message.startsWith("Connection reset")) {
      return "connection reset by the server";
    }
    // --verbose prints the exception itself; the report line stays in plain words.
    return message == null ? "connection failed" : "connection failed: " + message;
  }

  private static byte[] readCapped(ResponseBody body, int cap) throws IOException, ApiException {
    if (body.contentLength() > cap) {
      throw new ApiException("malformed response: body of " + body.contentLength() + " bytes is too large");
    }
    BufferedSource source = body.source();
    if (source.request(cap + 1L)) {
      throw new ApiException("malformed response: body over " + cap / 1024 + " KiB");
    }
    return source.getBuffer().readByteArray();
  }


  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      // RFC 9110 makes recipients accept all three HTTP-date formats (IMF-fixdate, RFC 850,
      // asctime); java.time's RFC 1123 formatter reads only the first, OkHttp's parser all three.
      Date at = new Headers.Builder().addUnsafeNonAscii("Retry-After", value).build().getDate("Retry-After");
      if (at == null) {
        return null;
      }
      Duration wait = Duration.between(time.now(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    }
  }
}
