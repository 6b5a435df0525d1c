package dev.fxmatrix.bench;

import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.strategy.Strategy;
import java.util.List;

/**
 * A benchmark, validated: {@link BenchCommand} builds it from the command line.
 *
 * @param fetch how each run fetches; its API URL is replaced by the embedded API's with {@link ApiTarget.Demo}
 * @param width the terminal's columns, for the charts
 */
public record BenchOptions(
    List<Strategy> strategies,
    int runs,
    int warmup,
    int threads,
    FetchOptions fetch,
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

  /** Requests per second, null for no limit. */
  public Double rate() {
    return fetch.throttle().rate();
  }
}
