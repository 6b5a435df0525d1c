package dev.fxmatrix.fetch;

import java.time.Duration;

/**
 * What the blocking fetch path needs from a throttle: a permit before each request, and word of
 * how the server took it. In one process that is the {@link Throttle} itself; in a worker process
 * of the {@code process} strategy it is the parent's throttle, asked over a pipe, so every worker
 * shares one budget.
 */
public interface PermitSource {
  /** Blocks until the caller may send one request. */
  Throttle.Permit acquire() throws InterruptedException;

  /** The request sent under {@code permit} was accepted. */
  void succeeded(Throttle.Permit permit);

  /** The request sent under {@code permit} got a 429: everybody waits {@code retryAfter}. */
  void rateLimited(Throttle.Permit permit, Duration retryAfter);
}
