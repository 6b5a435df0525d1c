package dev.fxmatrix.fetch;

import dev.fxmatrix.api.RateTable;
import java.util.List;
import java.util.stream.Collectors;

/** What became of one job: its rates, or why it has none. Workers put these on the result queue. */
public sealed interface Outcome {
  Job job();

  /** How many requests were sent for the job by the provider that ended it (0 when it needed none). */
  int attempts();

  /** {@code earlier}: the providers before the one that answered, each with why it failed. */
  record Fetched(Job job, RateTable rates, int attempts, List<Failed> earlier) implements Outcome {
    public Fetched {
      earlier = List.copyOf(earlier);
    }

    public Fetched(Job job, RateTable rates, int attempts) {
      this(job, rates, attempts, List.of());
    }
  }

  /**
   * {@code reason} is one line for the user, such as "HTTP 500" or "timed out after 1s"; {@code
   * provider} the one that gave it (null when none was asked), {@code earlier} the providers failed before it.
   */
  record Failed(Job job, String provider, String reason, int attempts, Throwable cause, List<Failed> earlier)
      implements Outcome {
    public Failed {
      earlier = List.copyOf(earlier);
    }

    public Failed(Job job, String reason, int attempts, Throwable cause) {
      this(job, null, reason, attempts, cause, List.of());
    }

    /**
     * What happened and how often it was tried, e.g. "HTTP 500 (4 attempts)"; after a chain, each
     * provider's in turn: "frankfurter: HTTP 500 (4 attempts); ecb: connection refused (1 attempt)".
     */
    public String summary() {
      if (earlier.isEmpty()) {
        return own();
      }
      return earlier.stream().map(Failed::named).collect(Collectors.joining("; ")) + "; " + named();
    }

    private String own() {
      return reason + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }

    /** This failure alone, with its provider's name: "ecb: connection refused (1 attempt)". */
    public String named() {
      return (provider == null ? "" : provider + ": ") + own();
    }

    /** This failure alone, without the providers failed before it. */
    public Failed withoutEarlier() {
      return new Failed(job, provider, reason, attempts, cause, List.of());
    }

    /** The one-line report for stderr, e.g. "PLN: HTTP 500 (4 attempts)". */
    public String describe() {
      return job.base() + ": " + summary();
    }
  }
}
