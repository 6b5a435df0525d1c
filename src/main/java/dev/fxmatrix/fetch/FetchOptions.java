package dev.fxmatrix.fetch;

import dev.fxmatrix.api.Endpoint;
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
 * @param requestLog {@code --verbose}'s line per request, null for none
 */
public record FetchOptions(
    List<Endpoint> chain,
    String userAgent,
    LocalDate date,
    Duration timeout,
    int retries,
    Throttle.Options throttle,
    Consumer<String> requestLog) {

  public FetchOptions {
    chain = List.copyOf(chain);
  }

  public FetchOptions withChain(List<Endpoint> chain) {
    return new FetchOptions(chain, userAgent, date, timeout, retries, throttle, requestLog);
  }

  public FetchOptions withRequestLog(Consumer<String> log) {
    return new FetchOptions(chain, userAgent, date, timeout, retries, throttle, log);
  }

  /** Whether any request may go to an https URL (else the client can skip TLS set-up). */
  public boolean usesTls() {
    return chain.stream().flatMap(e -> e.effectiveUrls().stream()).anyMatch(url -> url.startsWith("https:"));
  }
}
