package dev.fxmatrix.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.fxmatrix.strategy.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the report: peak in flight, medians, and what a strategy's result says. */
class MeasurementsTest {
  static final long MS = 1_000_000;

  static Attempt attempt(String lane, long startMs, long endMs) {
    return new Attempt(lane, 0, "USD", 1, startMs * MS, endMs * MS);
  }

  @Test
  void peakInFlightIsTheMostOverlappingAttempts() {
    assertThat(RunMeasurement.peakInFlight(List.of())).isZero();
    assertThat(RunMeasurement.peakInFlight(List.of(attempt("a", 0, 10), attempt("b", 5, 15), attempt("c", 8, 9))))
        .isEqualTo(3);
    // Back to back in one lane: the next starts as the previous ends, which is not an overlap.
    assertThat(RunMeasurement.peakInFlight(List.of(attempt("a", 0, 10), attempt("a", 10, 20), attempt("a", 20, 30))))
        .isEqualTo(1);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(StrategyResult.median(List.of(5L, 1L, 3L))).isEqualTo(3);
    assertThat(StrategyResult.median(List.of(4L, 1L, 2L, 3L))).isEqualTo(2); // (2 + 3) / 2, in whole nanos
    assertThat(StrategyResult.median(List.of())).isZero();
  }

  @Test
  void aStrategyResultSummarisesItsRuns() {
    // A pool of 2, 4 requests of 100 ms each: two lanes, two waves.
    RunMeasurement fast =
        new RunMeasurement(0, 205 * MS, List.of(
            attempt("pool-1", 1, 101), attempt("pool-2", 1, 101), attempt("pool-1", 101, 201), attempt("pool-2", 102, 202)),
            List.of());
    RunMeasurement slow =
        new RunMeasurement(1000 * MS, 300 * MS, List.of(
            attempt("pool-1", 1001, 1101), attempt("pool-2", 1001, 1101), attempt("pool-1", 1101, 1201), attempt("pool-2", 1150, 1290)),
            List.of());
    StrategyResult result = StrategyResult.of(Strategy.POOL, List.of(slow, fast), 4, 2, null);
    assertThat(result.runs()).isEqualTo(2);
    assertThat(result.minNanos()).isEqualTo(205 * MS);
    assertThat(result.maxNanos()).isEqualTo(300 * MS);
    assertThat(result.medianNanos()).isEqualTo(252_500_000);
    assertThat(result.latencyNanos()).isEqualTo(100 * MS);
    assertThat(result.idealNanos()).isEqualTo(200 * MS);
    assertThat(result.peakInFlight()).isEqualTo(2);
    assertThat(result.requestsPerSecond()).isCloseTo(8 / 0.505, offset(0.01));
    assertThat(result.timelineRun()).isSameAs(fast); // the faster of the middle two
    assertThat(result.runNanos()).containsExactly(300 * MS, 205 * MS);
  }

  @Test
  void timelineLanesGoByNameAndNumberWithTheirAttemptsInStartOrder() {
    RunMeasurement run =
        new RunMeasurement(
            0, 50 * MS,
            List.of(attempt("item-10", 10, 30), attempt("item-2", 5, 20), attempt("item-10", 2, 10), attempt("item-1", 2, 4)),
            List.of());
    List<Timeline.Lane> lanes = Timeline.lanes(run);
    assertThat(lanes).extracting(Timeline.Lane::name).containsExactly("item-1", "item-2", "item-10");
    assertThat(lanes.getLast().attempts()).extracting(Attempt::startNanos).containsExactly(2 * MS, 10 * MS);
  }

  @Test
  void timelineBarsAlternateAndShareOneScale() {
    RunMeasurement sequential =
        new RunMeasurement(0, 400 * MS, List.of(attempt("s", 0, 100), attempt("s", 100, 200), attempt("s", 200, 300), attempt("s", 300, 400)), List.of());
    RunMeasurement parallel =
        new RunMeasurement(0, 100 * MS, List.of(attempt("v-1", 0, 100), attempt("v-2", 0, 100)), List.of());
    List<StrategyResult> results =
        List.of(
            StrategyResult.of(Strategy.SEQUENTIAL, List.of(sequential), 4, 1, null),
            StrategyResult.of(Strategy.VIRTUAL, List.of(parallel), 2, 1, null));
    // Labels 3 wide, 4 for the indent and the border: 40 columns for 400 ms, 10 ms each.
    List<String> lines = Timeline.render(results, 3 + 4 + 40);
    assertThat(lines.get(1)).isEqualTo("(█ and ▒ take turns); one column = 10.0 ms for every strategy");
    assertThat(lines).contains("  s   │" + "█".repeat(10) + "▒".repeat(10) + "█".repeat(10) + "▒".repeat(10));
    assertThat(lines).contains("  v-1 │" + "█".repeat(10), "  v-2 │" + "█".repeat(10));
    assertThat(lines).contains("sequential: 1 lane, 400 ms", "virtual: 2 lanes, 100 ms");
    assertThat(lines).contains("   ms  0         100       200       300");
  }

  @Test
  void timelineAxisLabelsRoundTimesTenColumnsApartOrMore() {
    assertThat(Timeline.niceStepMs(90 * MS)).isEqualTo(100);
    assertThat(Timeline.niceStepMs(101 * MS)).isEqualTo(200);
    assertThat(Timeline.niceStepMs(400 * MS)).isEqualTo(500);
    // 10 ms per column: a label every 100 ms = 10 columns.
    assertThat(Timeline.axis(10 * MS, 35)).isEqualTo("0         100       200       300");
    assertThat(Timeline.axis(10 * MS, 32)).isEqualTo("0         100       200"); // 300 would not fit
  }

  @Test
  void barsAreEighthsOfAColumnAndVisibleWhenTiny() {
    assertThat(BarChart.blocks(100, 100, 10)).isEqualTo("█".repeat(10));
    assertThat(BarChart.blocks(55, 100, 10)).isEqualTo("█████▌");
    assertThat(BarChart.blocks(1, 1000, 10)).isEqualTo("▏");
    assertThat(BarChart.blocks(0, 1000, 10)).isEmpty();
  }

  @Test
  void widthComesFromColumnsElseTheTerminal() {
    assertThat(Terminal.width(Map.of("COLUMNS", "120"), () -> 100)).isEqualTo(120);
    assertThat(Terminal.width(Map.of("COLUMNS", "wide"), () -> 100)).isEqualTo(100);
    assertThat(Terminal.width(Map.of(), () -> 80)).isEqualTo(80);
    assertThat(Terminal.width(Map.of("COLUMNS", "10"), () -> 100)).isEqualTo(40);
    assertThat(Terminal.width(Map.of(), () -> 20)).isEqualTo(40);
  }
}
