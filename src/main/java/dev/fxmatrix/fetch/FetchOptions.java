package dev.fxmatrix.fetch;

import dev.fxmatrix.api.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a run fetches, whoever runs it (the command line, the benchmark, a worker process): the one
 * record {@link Engine#open} builds the providers, their throttles and the retry policy from.
 *
 * @param chain the providers to ask, in order: a base that fails on one is asked of the next
 * @param date the day to ask for, null for the latest
 * @param timeout bound of each request: connect, every read, and the whole call
 * @param retries retries of a failed request, per provider
 * @param throttle each provider's pace (each API has its own limits)
 * @param caching the HTTP cache and how far to trust it
 * @param requestLog {@code --verbose}'s line per request, null for none
 */
public record FetchOptions(
    List<Endpoint> chain,
    String userAgent,
    LocalDate date,
    Duration timeout,
    int retries,
    Throttle.Options throttle,
    Caching caching,
    Consumer<String> requestLog) {

  public FetchOptions {
    chain = List.copyOf(chain);
  }

  /**
   * The HTTP cache: where ({@code dir} null for none); {@code offline}: answers from it only, of any
   * age; {@code staleIfError}: after a base failed everywhere, a cached answer fetched at most that
   * long ago (null: none); {@code maxAge}: rates dated longer ago than that fail (null: any age).
   */
  public record Caching(Path dir, boolean offline, Duration staleIfError, Duration maxAge) {
    public static final Caching OFF = new Caching(null, false, null, null);

    public boolean enabled() {
      return dir != null;
    }
  }

  public FetchOptions withChain(List<Endpoint> chain) {
    return new FetchOptions(chain, userAgent, date, timeout, retries, throttle, caching, requestLog);
  }

  public FetchOptions withRequestLog(Consumer<String> log) {
    return new FetchOptions(chain, userAgent, date, timeout, retries, throttle, caching, log);
  }

  public FetchOptions withCaching(Caching caching) {
    return new FetchOptions(chain, userAgent, date, timeout, retries, throttle, caching, requestLog);
  }

  /** Whether any request may go to an https URL (else the client can skip TLS set-up). */
  public boolean usesTls() {
    return chain.stream().flatMap(e -> e.effectiveUrls().stream()).anyMatch(url -> url.startsWith("https:"));
  }
}
