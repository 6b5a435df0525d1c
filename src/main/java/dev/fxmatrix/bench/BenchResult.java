package dev.fxmatrix.bench;

import java.util.List;

/**
 * A finished benchmark: its settings and, in the order asked for, each strategy's result.
 *
 * @param requests N, the requests one run sends
 * @param api what the runs were measured against, for people (the URL, or the embedded API)
 */
record BenchResult(BenchOptions options, int requests, String api, List<StrategyResult> strategies) {
  BenchResult {
    strategies = List.copyOf(strategies);
  }
}
