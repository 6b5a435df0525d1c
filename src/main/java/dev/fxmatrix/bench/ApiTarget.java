package dev.fxmatrix.bench;

import dev.fxmatrix.fetch.Durations;
import java.time.Duration;
import okhttp3.HttpUrl;

/** The server a benchmark measures against. */
public sealed interface ApiTarget {
  /** A Frankfurter-compatible API at {@code url} ({@code --api-url}). */
  record Remote(HttpUrl url) implements ApiTarget {
    @Override
    public String describe() {
      return url.toString();
    }
  }

  /**
   * The embedded API, started in-process on a loopback port ({@code --demo}). Without jitter: every
   * request takes {@code latency}, so runs and strategies are comparable and the ideal times exact.
   */
  record Demo(Duration latency) implements ApiTarget {
    @Override
    public String describe() {
      return "the embedded API (latency " + Durations.format(latency) + ", no jitter)";
    }
  }

  /** For the report's settings line. */
  String describe();
}
