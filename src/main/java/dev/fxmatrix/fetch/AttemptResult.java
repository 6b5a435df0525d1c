package dev.fxmatrix.fetch;

import dev.fxmatrix.api.RateTable;
import java.time.Duration;
import java.time.Instant;

/** What one HTTP attempt gave: rates, a failure worth another try, or a failure that will not change. */
public sealed interface AttemptResult {
  /** {@code source}: where the answer came from; {@code fetchedAt}: when it left the server (for a cached one, the first time). */
  record Success(RateTable rates, Source source, Instant fetchedAt) implements AttemptResult {
    public Success(RateTable rates) {
      this(rates, Source.FETCHED, null);
    }
  }

  /** How the HTTP cache took part in an answer. */
  enum Source {
    /** Sent by the server. */
    FETCHED,
    /** Held in the cache, and confirmed by the server with a 304. */
    REVALIDATED,
    /** Served from the cache without a request. */
    HIT;

    /** As {@code --verbose} shows it. */
    public String words() {
      return switch (this) {
        case FETCHED -> "fetched";
        case REVALIDATED -> "revalidated (304)";
        case HIT -> "hit";
      };
    }
  }

  /**
   * {@code retryAfter} is what the server asked for (null when it did not say); {@code rateLimited}
   * marks a 429, which slows the whole run down, not only this job.
   */
  record Retryable(String reason, Duration retryAfter, boolean rateLimited, Throwable cause)
      implements AttemptResult {}

  record Fatal(String reason, Throwable cause) implements AttemptResult {}

  /**
   * An answer the cache held but could not give back whole or readable (a truncated or garbled
   * file): no answer at all. Asked of the server at once, past the cache, whatever the retries.
   */
  record CacheUnreadable(Throwable cause) implements AttemptResult {}
}
