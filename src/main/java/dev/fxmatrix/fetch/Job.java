package dev.fxmatrix.fetch;

import java.util.List;

/**
 * One row of the matrix to fetch: {@code row} is its place in the output, {@code symbols} the
 * currencies to ask for (never the base itself: the API refuses that pair).
 */
public record Job(int row, String base, List<String> symbols) {
  public Job {
    symbols = List.copyOf(symbols);
    if (symbols.contains(base)) {
      throw new IllegalArgumentException("the base " + base + " must not be among its symbols");
    }
  }

  /** A row whose only column is its own base needs no request. */
  public boolean needsRequest() {
    return !symbols.isEmpty();
  }
}
