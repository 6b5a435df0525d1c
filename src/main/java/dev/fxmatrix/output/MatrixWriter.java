package dev.fxmatrix.output;

import dev.fxmatrix.api.RateTable;

/**
 * Renders a matrix row by row. The caller delivers rows strictly in the order of {@link
 * MatrixSpec#bases()}: each base is either a {@link #row} or a {@link #failed} call, then {@link
 * #end} once. Streaming formats write each row as it comes; whole-document formats write at {@link
 * #end}.
 */
public interface MatrixWriter {
  void row(RateTable table);

  void failed(String base, String reason);

  void end();
}
