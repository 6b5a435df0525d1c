package dev.fxmatrix.bench;

import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.output.MatrixWriter;

/**
 * Takes the rows of a benchmark run and drops them: the benchmark measures fetching, and rendering
 * a few dozen rows would only add noise (the rows still go through {@code MatrixRun}'s ordering).
 */
final class DiscardingWriter implements MatrixWriter {
  static final DiscardingWriter INSTANCE = new DiscardingWriter();

  private DiscardingWriter() {}

  @Override
  public void row(RateTable table) {}

  @Override
  public void failed(String base, String reason) {}

  @Override
  public void end() {}
}
