package dev.fxmatrix.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxmatrix.strategy.Strategy;
import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fxmatrix bench} through the real command line against a Frankfurter stand-in with a small
 * delay: few bases and two runs, so the whole class stays fast. Timings are only checked for wide
 * properties; what is checked is the structure of what gets reported.
 */
class BenchCommandTest {
  static final String BASES = "USD,EUR,PLN,NOK,CZK,JPY";
  static final String[] STRATEGIES = Arrays.stream(Strategy.values()).map(Strategy::cliName).toArray(String[]::new);

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeFrankfurter api = FakeFrankfurter.seed().delay(20);

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
  }

  Cli bench(String... options) {
    List<String> args = new ArrayList<>(List.of("bench", "--api-url", server.url("/v1").toString(), "--runs", "2", "--warmup", "0"));
    args.addAll(List.of(options));
    if (!args.contains("--bases")) {
      args.addAll(List.of("--bases", BASES));
    }
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theTableReportsEveryStrategyThenChartsTheMedians() {
    Cli run = bench("--threads", "2"); // 2: fewer worker JVMs to start for the process strategy
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("fxmatrix bench: 6 requests per run (6 bases, 6 symbols) against http://");
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow());
    assertThat(lines.get(header)).containsSubsequence("runs", "median", "min", "max", "req/s", "peak", "failed", "ideal", "latency");
    for (int i = 0; i < STRATEGIES.length; i++) {
      // Table rows: the strategies in order, each with 2 runs and no failures.
      assertThat(lines.get(header + 1 + i).split(" +")).startsWith(STRATEGIES[i], "2").contains("0");
    }
    int chart = lines.indexOf(lines.stream().filter(l -> l.startsWith("median time")).findFirst().orElseThrow());
    for (int i = 0; i < STRATEGIES.length; i++) {
      // A bar of at least a sliver: next to process's JVM starts, the fastest may be under a column.
      assertThat(lines.get(chart + 1 + i)).startsWith(STRATEGIES[i]).containsPattern("[▏▎▍▌▋▊▉█]").containsPattern(" ms +\\d+%$");
    }
    // 1 warm-up request, then every strategy × 2 runs × 6 bases.
    assertThat(server.getRequestCount()).isEqualTo(1 + STRATEGIES.length * 2 * 6);
  }

  @Test
  void csvHasOneRowPerStrategyWithConsistentNumbers() {
    Cli run = bench("--format", "csv", "--strategies", "sequential,pool,virtual", "-t", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.getFirst())
        .isEqualTo("strategy,runs,median_ms,min_ms,max_ms,requests_per_s,peak_in_flight,failures,ideal_ms,latency_ms");
    List<String> names = new ArrayList<>();
    for (String line : lines.subList(1, 4)) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(10);
      names.add(f[0]);
      double median = Double.parseDouble(f[2]), min = Double.parseDouble(f[3]), max = Double.parseDouble(f[4]);
      double ideal = Double.parseDouble(f[8]), latency = Double.parseDouble(f[9]);
      assertThat(f[1]).isEqualTo("2");
      assertThat(min).isLessThanOrEqualTo(median).isPositive();
      assertThat(median).isLessThanOrEqualTo(max);
      assertThat(f[7]).isEqualTo("0");
      assertThat(latency).isGreaterThanOrEqualTo(20); // the server's delay
      int waves =
          switch (f[0]) {
            case "sequential" -> 6;
            case "pool" -> 2; // 6 bases, 3 threads
            default -> 1;
          };
      // The ideal is the formula at the measured latency; the run cannot beat it by more than rounding.
      assertThat(ideal).isCloseTo(waves * latency, offset(0.1 * waves + 0.1));
      // Not a strict bound (a run whose requests beat the median latency beats it), but close.
      assertThat(median).isGreaterThanOrEqualTo(ideal * 0.5);
    }
    assertThat(names).containsExactly("sequential", "pool", "virtual");
    assertThat(lines.get(1).split(",")[6]).isEqualTo("1"); // sequential: one in flight
    assertThat(Integer.parseInt(lines.get(2).split(",")[6])).isBetween(2, 3); // pool of 3
  }

  @Test
  void jsonHoldsTheSettingsAndTheCsvFieldsPerStrategy() throws Exception {
    Cli run = bench("--format", "json", "--strategies", "async,sequential", "--rate", "200");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    JsonNode settings = root.get("settings");
    assertThat(settings.get("api").asText()).startsWith("http://");
    assertThat(settings.get("requests_per_run").asInt()).isEqualTo(6);
    assertThat(settings.get("runs").asInt()).isEqualTo(2);
    assertThat(settings.get("warmup").asInt()).isZero();
    assertThat(settings.get("threads").asInt()).isEqualTo(4);
    assertThat(settings.get("rate").asDouble()).isEqualTo(200);
    assertThat(settings.get("bases")).hasSize(6);
    JsonNode strategies = root.get("strategies");
    assertThat(strategies).hasSize(2);
    assertThat(strategies.get(0).get("strategy").asText()).isEqualTo("async");
    assertThat(strategies.get(1).get("strategy").asText()).isEqualTo("sequential");
    for (JsonNode s : strategies) {
      assertThat(iterable(s.fieldNames()))
          .containsExactly(
              "strategy", "runs", "median_ms", "min_ms", "max_ms", "requests_per_s", "peak_in_flight",
              "failures", "ideal_ms", "latency_ms", "run_ms");
      assertThat(s.get("run_ms")).hasSize(2);
      // At 200/s the last of 6 tokens comes at 30 ms: no strategy's ideal is below that plus a latency.
      assertThat(s.get("ideal_ms").asDouble()).isGreaterThanOrEqualTo(30 + s.get("latency_ms").asDouble() - 0.1);
    }
  }

  /** The ecb row: one request serves the whole matrix, so even sequential's ideal is one latency. */
  @Test
  void theEcbProviderCostsOneRequestPerRunWhateverTheStrategy() throws Exception {
    Cli run = Cli.run("bench", "--provider", "ecb", "--demo-latency", "50ms", "--runs", "1", "--warmup", "0",
        "--strategies", "sequential,pool", "-b", BASES, "-f", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("settings").get("requests_per_run").asInt()).isEqualTo(1);
    for (JsonNode strategy : root.get("strategies")) {
      assertThat(strategy.get("peak_in_flight").asInt()).isEqualTo(1);
      assertThat(strategy.get("ideal_ms").asDouble()).isLessThan(2 * strategy.get("latency_ms").asDouble());
    }
  }

  @Test
  void timelineHasOneLanePerPoolThread() {
    Cli run = bench("--strategies", "pool", "--threads", "3", "--timeline");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\npool: 3 lanes, ");
    assertThat(laneNames(run.out(), "pool-")).hasSize(3);
  }

  @Test
  void timelineHasOneLanePerBaseForThreadPerItem() {
    Cli run = bench("--strategies", "thread-per-item,sequential", "--timeline");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\nthread-per-item: 6 lanes, ").contains("\nsequential: 1 lane, ");
    assertThat(laneNames(run.out(), "item-")).hasSize(6);
    // Sequential: one lane, six requests one after another, so the bar alternates six times.
    String lane = run.out().lines().filter(l -> l.startsWith("  sequential ")).findFirst().orElseThrow();
    assertThat(lane.chars().filter(c -> c == '▒').count()).isPositive();
  }

  @Test
  void jsonTimelineListsEveryAttemptOfTheMedianRun() throws Exception {
    Cli run = bench("--format", "json", "--strategies", "pool", "-t", "2", "--timeline");
    JsonNode timeline = new ObjectMapper().readTree(run.out()).get("strategies").get(0).get("timeline");
    assertThat(timeline).hasSize(6);
    Set<String> lanes = new HashSet<>();
    timeline.forEach(a -> lanes.add(a.get("lane").asText()));
    assertThat(lanes).containsExactlyInAnyOrder("pool-1", "pool-2");
    timeline.forEach(a -> assertThat(a.get("end_ms").asDouble()).isGreaterThan(a.get("start_ms").asDouble()));
  }

  @Test
  void noProgressWhenStderrIsNotATerminal() {
    Cli run = bench("--strategies", "pool,async");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("\r").doesNotContain("run 1 of").isEmpty();
  }

  @Test
  void failuresAreCountedAndMakeTheExitCodeOne() {
    // NOK is unknown to this server: its row fails in every run (HTTP 404, not retried).
    FakeFrankfurter partial = new FakeFrankfurter(Map.of("USD", BigDecimal.ONE, "EUR", BigDecimal.TWO));
    server.setDispatcher(partial);
    Cli run = bench("--bases", "USD,EUR,NOK", "--strategies", "virtual", "--format", "csv");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().skip(1).findFirst().orElseThrow().split(",")[7]).isEqualTo("2");
    assertThat(run.err()).contains("fxmatrix bench: virtual: 2 failed rows (2 runs); first NOK: no latest rates for NOK");
  }

  @Test
  void aServerThatDoesNotAnswerStopsTheBenchBeforeAnyRun() {
    server.setDispatcher(new FakeFrankfurter(Map.of("EUR", BigDecimal.ONE)));
    Cli run = bench("--bases", "USD,EUR");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("fxmatrix bench: http://").contains("does not answer as expected: USD: no latest rates for USD");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void badUsageIsExitTwoWithOneLineNamingTheOption() {
    String url = server.url("/v1").toString();
    String[][] cases = {
      {"--strategies", "pool,fast", "fxmatrix: --strategies: 'fast' is not a strategy; choose one of sequential,"},
      {"--strategies", "pool,pool", "fxmatrix: --strategies: 'pool,pool' lists pool twice"},
      {"--runs", "0", "fxmatrix: --runs: 0 is too few: give 1 or more (see fxmatrix bench --help)"},
      {"--warmup", "-1", "fxmatrix: --warmup: -1 is too few: give 0 or more"},
      {"--threads", "0", "fxmatrix: --threads: 0 is too few: give 1 or more"},
      {"--rate", "0", "fxmatrix: --rate: '0' is not a number of requests per second above 0"},
      {"--format", "grid", "fxmatrix: --format: 'grid' is not one of table, csv, json"},
      {"--bases", "USD,EU", "fxmatrix: --bases: 'EU' is not a currency code"},
      {"--demo-latency", "10ms", "fxmatrix: --demo-latency: applies to the embedded API only, not to --api-url"},
      {"--demo", "fxmatrix: --api-url: cannot go with --demo"},
      {"--timeline", "--format=csv", "fxmatrix: --timeline: does not fit in CSV"},
      {"--strategies", "async,virtual", "--threads", "8", "fxmatrix: --threads: means nothing to async, virtual; only pool and process use it"},
      {"--burst", "3", "fxmatrix: --burst: applies only with --rate"},
    };
    for (String[] c : cases) {
      String[] options = Arrays.copyOf(c, c.length - 1);
      Cli run = Cli.run(concat(new String[] {"bench", "--api-url", url}, options));
      assertThat(run.exitCode()).as(String.join(" ", options)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", options)).contains(c[c.length - 1]).hasLineCount(1);
      assertThat(run.out()).isEmpty();
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theEmbeddedApiIsTheDefaultTargetAndHasTheLatencyAskedFor() throws Exception {
    Cli run =
        Cli.run("bench", "--demo-latency", "30ms", "--bases", "USD,EUR,PLN", "--strategies", "pool,async",
            "--runs", "1", "--warmup", "0", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("settings").get("api").asText()).isEqualTo("demo");
    assertThat(root.get("settings").get("demo_latency_ms").asDouble()).isEqualTo(30.0);
    for (JsonNode s : root.get("strategies")) {
      assertThat(s.get("failures").asInt()).isZero();
      assertThat(s.get("latency_ms").asDouble()).isGreaterThanOrEqualTo(30);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void demoSaysSoInTheTable() {
    Cli run = Cli.run("bench", "--demo", "--demo-latency", "0", "--bases", "USD,EUR", "--strategies", "sequential", "--runs", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .isEqualTo("fxmatrix bench: 2 requests per run (2 bases, 2 symbols) against the embedded API (latency 0ms, no jitter)");
  }

  @Test
  void helpListsTheOptions() {
    Cli run = Cli.run("bench", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--strategies", "--runs", "--warmup", "--timeline", "--demo-latency");
  }

  private static List<String> laneNames(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith("  " + prefix)).map(l -> l.trim().split(" ")[0]).distinct().toList();
  }

  private static <T> List<T> iterable(Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
