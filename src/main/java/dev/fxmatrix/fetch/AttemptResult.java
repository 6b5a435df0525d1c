package dev.fxmatrix.fetch;

import dev.fxmatrix.api.RateTable;
import java.time.Duration;

/** What one HTTP attempt gave: rates, a failure worth another try, or a failure that will not change. */
public sealed interface AttemptResult {
  record Success(RateTable rates) implements AttemptResult {}

  /**
   * {@code retryAfter} is what the server asked for (null when it did not say); {@code rateLimited}
   * marks a 429, which slows the whole run down, not only this job.
   */
  record Retryable(String reason, Duration retryAfter, boolean rateLimited, Throwable cause)
      implements AttemptResult {}

  record Fatal(String reason, Throwable cause) implements AttemptResult {}
}
