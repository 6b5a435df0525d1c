package dev.fxmatrix.bench;

/**
 * One HTTP attempt as a {@link dev.fxmatrix.fetch.FetchListener} saw it. {@code lane} is where it
 * ran: the worker thread's name, or {@code connection-<row>} for the async strategy.
 */
record Attempt(String lane, int row, String base, int attempt, long startNanos, long endNanos) {
  long nanos() {
    return endNanos - startNanos;
  }
}
