package dev.fxmatrix.fetch;

import dev.fxmatrix.api.RateTable;

/** What became of one job: its rates, or why it has none. Workers put these on the result queue. */
public sealed interface Outcome {
  Job job();

  /** How many requests were sent for the job (0 when it needed none). */
  int attempts();

  record Fetched(Job job, RateTable rates, int attempts) implements Outcome {}

  /** {@code reason} is one line for the user, such as "HTTP 500" or "timed out after 1s". */
  record Failed(Job job, String reason, int attempts, Throwable cause) implements Outcome {
    /** What happened and how often it was tried, e.g. "HTTP 500 (4 attempts)". */
    public String summary() {
      return reason + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }

    /** The one-line report for stderr, e.g. "PLN: HTTP 500 (4 attempts)". */
    public String describe() {
      return job.base() + ": " + summary();
    }
  }
}
