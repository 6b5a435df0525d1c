package dev.fxmatrix.run;

import dev.fxmatrix.fetch.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts outcomes that arrive in any order back into row order: each row is released as soon as it
 * and every row before it are in, so output streams and is the same whatever the strategy.
 */
final class RowSequencer {
  private final Outcome[] pending;
  private int next;

  RowSequencer(int rows) {
    this.pending = new Outcome[rows];
  }

  /** Takes one outcome and returns the rows it made ready, in order (often none, sometimes many). */
  List<Outcome> accept(Outcome outcome) {
    int row = outcome.job().row();
    if (row < next || pending[row] != null) {
      throw new IllegalStateException("row " + row + " (" + outcome.job().base() + ") arrived twice");
    }
    pending[row] = outcome;
    List<Outcome> ready = new ArrayList<>();
    while (next < pending.length && pending[next] != null) {
      ready.add(pending[next]);
      pending[next++] = null;
    }
    return ready;
  }

  boolean complete() {
    return next == pending.length;
  }
}
