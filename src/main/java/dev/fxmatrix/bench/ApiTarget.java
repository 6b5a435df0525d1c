package dev.fxmatrix.bench;

import dev.fxmatrix.fetch.Durations;
import java.time.Duration;
import dev.fxmatrix.api.Endpoint;
import java.util.List;
import java.util.stream.Collectors;

/** The server a benchmark measures against. */
public sealed interface ApiTarget {
  /** The providers' own servers, or those {@code --api-url} names. */
  record Remote(List<Endpoint> chain) implements ApiTarget {
    @Override
    public String describe() {
      return chain.stream()
          .map(e -> chain.size() == 1 ? String.join(" or ", e.effectiveUrls()) : e.provider() + " at " + String.join(" or ", e.effectiveUrls()))
          .collect(Collectors.joining(", then "));
    }
  }

  /**
   * The embedded API, started in-process on a loopback port ({@code --demo}). Without jitter: every
   * request takes {@code latency}, so runs and strategies are comparable and the ideal times exact.
   */
  record Demo(Duration latency, List<String> down) implements ApiTarget {
    @Override
    public String describe() {
      return "the embedded API (latency " + Durations.format(latency) + ", no jitter)";
    }
  }

  /** For the report's settings line. */
  String describe();
}
