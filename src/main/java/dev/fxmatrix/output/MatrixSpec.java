package dev.fxmatrix.output;

import java.util.List;

/** The shape of a matrix: its rows (base currencies, in print order) and its columns (symbols). */
public record MatrixSpec(List<String> bases, List<String> symbols) {
  public MatrixSpec {
    bases = List.copyOf(bases);
    symbols = List.copyOf(symbols);
  }
}
