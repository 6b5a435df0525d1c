package dev.fxmatrix.api;

import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.Outcomes;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.testing.Fetching;
import dev.fxmatrix.testing.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * What the provider tests share: their fixtures, a plain client that sends a provider's request to
 * MockWebServer and hands back what came, and the fetch engine driven end to end over a chain.
 */
final class ProviderHttp {
  private static final OkHttpClient CLIENT = new OkHttpClient();

  private ProviderHttp() {}

  /** A file of {@code src/test/resources/dev/fxmatrix/api/} (or an absolute resource path). */
  static byte[] fixture(String name) {
    try (InputStream in = ProviderHttp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse answer(int code, byte[] body) {
    return new MockResponse.Builder().code(code).body(new Buffer().write(body)).build();
  }

  static MockResponse answer(int code, String body) {
    return answer(code, body.getBytes(StandardCharsets.UTF_8));
  }

  /** What one exchange brought back. */
  record Exchange(int code, byte[] body) {}

  static Exchange send(Request request) {
    try (Response response = CLIENT.newCall(request).execute()) {
      return new Exchange(response.code(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of {@code request}'s answer, which must be a 2xx. */
  static byte[] body(Request request) {
    Exchange exchange = send(request);
    if (exchange.code() / 100 != 2) {
      throw new AssertionError("HTTP " + exchange.code() + " for " + request.url());
    }
    return exchange.body();
  }

  /** The message of {@code provider}'s refusal to read {@code body} as {@code base}'s latest rates of {@code symbols}. */
  static String refusal(Provider provider, String base, List<String> symbols, String body) {
    return refusal(provider, base, symbols, null, body);
  }

  /** The message of {@code provider}'s refusal to read {@code body} as {@code base}'s rates of {@code symbols} on {@code date}. */
  static String refusal(Provider provider, String base, List<String> symbols, LocalDate date, String body) {
    try {
      provider.read(base, symbols, date, body.getBytes(StandardCharsets.UTF_8));
    } catch (ApiException e) {
      return e.getMessage();
    }
    throw new AssertionError(provider.name() + " read " + body);
  }

  /** A run's engine over {@code chain} (3 retries, waits in virtual time), fetching {@code jobs} in order. */
  static List<Outcome> fetch(List<Endpoint> chain, LocalDate date, Job... jobs) {
    return fetch(chain, date, new VirtualTime(), jobs);
  }

  static List<Outcome> fetch(List<Endpoint> chain, LocalDate date, VirtualTime time, Job... jobs) {
    FetchOptions options =
        new FetchOptions(chain, "fxmatrix/test", date, Duration.ofSeconds(10), 3, Throttle.Options.UNLIMITED, FetchOptions.Caching.OFF, null);
    Outcomes outcomes = new Outcomes(jobs.length);
    try (Engine engine = Fetching.engine(options, FetchListener.NONE, time, ThreadLocalRandom::current)) {
      for (Job job : jobs) {
        engine.run(job, outcomes);
      }
    }
    List<Outcome> all = new ArrayList<>();
    for (int row = 0; row < jobs.length; row++) {
      all.add(outcomes.taken(row));
    }
    return all;
  }
}
