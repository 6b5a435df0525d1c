package dev.fxmatrix.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * {@code bench --format json}: one document, the settings and then per strategy the CSV's fields
 * (same names, times in ms with one decimal) plus each run's time; with {@code --timeline}, each
 * strategy's median run as a list of attempts.
 *
 * <pre>{@code
 * {"settings": {"api": ..., "bases": [...], "symbols": [...], "requests_per_run": 30, "runs": 5,
 *               "warmup": 1, "threads": 4, "rate": null, "java": "25.0.1+8", "cpus": 2},
 *  "strategies": [{"strategy": "pool", "runs": 5, "median_ms": 812.3, ..., "latency_ms": 101.2,
 *                  "run_ms": [...], "timeline": [{"lane": "pool-1", "base": "USD", "attempt": 1,
 *                  "start_ms": 0.4, "end_ms": 101.9}, ...]}, ...]}
 * }</pre>
 */
final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private JsonReport() {}

  static void write(BenchResult result, PrintWriter out) {
    try {
      out.print(WRITER.writeValueAsString(document(result)) + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // only plain nodes go in: a bug
    }
    out.flush();
  }

  static ObjectNode document(BenchResult result) {
    BenchOptions o = result.options();
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode settings = root.putObject("settings");
    switch (o.api()) {
      case ApiTarget.Remote remote -> settings.put("api", remote.describe());
      case ApiTarget.Demo demo -> {
        settings.put("api", "demo");
        settings.put("demo_latency_ms", Millis.plain(demo.latency().toNanos()));
      }
    }
    o.bases().forEach(settings.putArray("bases")::add);
    o.symbols().forEach(settings.putArray("symbols")::add);
    settings.put("requests_per_run", result.requests());
    settings.put("runs", o.runs());
    settings.put("warmup", o.warmup());
    settings.put("threads", o.threads());
    settings.put("rate", o.rate() == null ? null : BigDecimal.valueOf(o.rate()));
    settings.put("java", Runtime.version().toString());
    settings.put("cpus", Runtime.getRuntime().availableProcessors());

    ArrayNode strategies = root.putArray("strategies");
    for (StrategyResult s : result.strategies()) {
      ObjectNode node = strategies.addObject();
      node.put("strategy", s.strategy().cliName());
      node.put("runs", s.runs());
      node.put("median_ms", Millis.plain(s.medianNanos()));
      node.put("min_ms", Millis.plain(s.minNanos()));
      node.put("max_ms", Millis.plain(s.maxNanos()));
      node.put("requests_per_s", Millis.oneDecimal(s.requestsPerSecond()));
      node.put("peak_in_flight", s.peakInFlight());
      node.put("failures", s.failures());
      node.put("ideal_ms", Millis.plain(s.idealNanos()));
      node.put("latency_ms", Millis.plain(s.latencyNanos()));
      ArrayNode runMs = node.putArray("run_ms");
      s.runNanos().forEach(nanos -> runMs.add(Millis.plain(nanos)));
      if (o.timeline()) {
        ArrayNode timeline = node.putArray("timeline");
        long origin = s.timelineRun().startNanos();
        for (Timeline.Lane lane : Timeline.lanes(s.timelineRun())) {
          for (Attempt a : lane.attempts()) {
            timeline
                .addObject()
                .put("lane", a.lane())
                .put("base", a.base())
                .put("attempt", a.attempt())
                .put("start_ms", Millis.plain(a.startNanos() - origin))
                .put("end_ms", Millis.plain(a.endNanos() - origin));
          }
        }
      }
    }
    return root;
  }

  // Like the matrix's JSON: 2-space indent, "key": value, "\n" on every platform.
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }
}
