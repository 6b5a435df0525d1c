package dev.fxmatrix.bench;

import dev.fxmatrix.fetch.Strategy;
import java.util.List;

/**
 * A benchmark, validated: {@link BenchCommand} builds it from the command line.
 *
 * @param rate requests per second, null for no limit
 * @param width the terminal's columns, for the charts
 */
public record BenchOptions(
    List<Strategy> strategies,
    int runs,
    int warmup,
    int threads,
    Double rate,
    List<String> bases,
    List<String> symbols,
    ApiTarget api,
    boolean timeline,
    BenchFormat format,
    int width) {

  public BenchOptions {
    strategies = List.copyOf(strategies);
    bases = List.copyOf(bases);
    symbols = List.copyOf(symbols);
  }
}
