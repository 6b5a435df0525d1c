package dev.fxmatrix.testing;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.FrankfurterV1;
import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.fetch.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;

/** Fetch options and engines for tests that drive the engine without the command line. */
public final class Fetching {
  private Fetching() {}

  /** The defaults of a run (10 s timeout, 3 retries, no rate limit) against {@code api}. */
  public static FetchOptions options(HttpUrl api) {
    return options(api, 3);
  }

  public static FetchOptions options(HttpUrl api, int retries) {
    return new FetchOptions(
        List.of(new Endpoint(FrankfurterV1.NAME, List.of(api.toString()))), "fxmatrix/test", null, Duration.ofSeconds(10),
        retries, Throttle.Options.UNLIMITED, FetchOptions.Caching.OFF, null);
  }

  /** An engine whose waits pass in {@code time}, with back-off jitter from {@code random}. */
  public static Engine engine(
      FetchOptions options, FetchListener listener, TimeSource time, Supplier<RandomGenerator> random) {
    return new Engine(options, HttpClients.create(options, 64), listener, time, random);
  }
}
