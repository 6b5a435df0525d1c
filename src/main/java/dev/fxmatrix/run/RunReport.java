package dev.fxmatrix.run;

import dev.fxmatrix.api.EcbCalendar;
import dev.fxmatrix.api.Provider;
import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.fetch.Outcome;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What stderr says about a finished run, beyond its rows: the failures (one line for a reason
 * every base shares), rows taken from the cache, rows from a later provider of the chain, rates
 * too old or of different days, cells the API left out, and the providers' attributions. And the
 * exit code that earns: 1 for a failed row, or with {@code --strict} for rows of different days
 * or missing cells.
 */
final class RunReport {
  /** Rates more business days old than this are worth a warning: an API may have stopped updating. */
  static final int OLD_AFTER_BUSINESS_DAYS = 3;

  // Built when first needed (a cached row): parsing a pattern costs a short run a few ms cold.
  private static final class When {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  }

  private final PrintWriter err;
  private final RunOptions options;
  private final List<Provider> providers;
  private final Supplier<LocalDate> today;

  RunReport(PrintWriter err, RunOptions options, List<Provider> providers, Supplier<LocalDate> today) {
    this.err = err;
    this.options = options;
    this.providers = providers;
    this.today = today;
  }

  /** Says what needs saying about {@code result}; returns whether {@code --strict} fails the run. */
  boolean print(MatrixRun.Result result) {
    failures(result.failures());
    List<Outcome.Fetched> rows = new ArrayList<>();
    result.outcomes().forEach(o -> {
      if (o instanceof Outcome.Fetched fetched && fetched.rates().date() != null) {
        rows.add(fetched);
      }
    });
    fromCacheAndFailover(rows);
    boolean strictFails = mixedDates(rows) | missingCells(rows);
    oldRates(rows);
    attributions(rows);
    return options.strict() && strictFails;
  }

  private void failures(List<Outcome.Failed> failures) {
    boolean shared = failures.size() > 1 && failures.stream().map(Outcome.Failed::summary).distinct().count() == 1;
    if (shared && failures.size() == options.bases().size()) {
      err.println("fxmatrix: every base: " + failures.getFirst().summary());
    } else {
      failures.forEach(f -> err.println("fxmatrix: " + f.describe()));
    }
    if (options.verbose()) {
      failures.stream().filter(f -> f.cause() != null).forEach(f -> f.cause().printStackTrace(err));
    }
  }

  private void fromCacheAndFailover(List<Outcome.Fetched> rows) {
    Map<String, List<String>> byProvider = new LinkedHashMap<>();
    for (Outcome.Fetched row : rows) {
      RateTable rates = row.rates();
      byProvider.computeIfAbsent(rates.provider(), p -> new ArrayList<>()).add(rates.base());
      String summary =
          row.earlier().stream().map(providers.size() > 1 ? Outcome.Failed::named : Outcome.Failed::summary)
              .collect(Collectors.joining("; "));
      if (rates.cachedAt() != null && !row.earlier().isEmpty()) {
        err.println("fxmatrix: " + rates.base() + ": " + summary + "; printed " + rates.provider()
            + "'s cached answer of " + rates.date() + " (fetched " + When.FORMAT.format(rates.cachedAt()) + ")");
      } else if (!row.earlier().isEmpty() && options.verbose()) {
        err.println("fxmatrix: " + rates.base() + ": answered by " + rates.provider() + " after " + summary);
      }
    }
    boolean failedOver = !providers.isEmpty() && byProvider.keySet().stream().anyMatch(p -> !providers.getFirst().name().equals(p));
    if (byProvider.size() > 1 || failedOver) {
      err.println("fxmatrix: rows from " + byProvider.entrySet().stream()
          .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
          .collect(Collectors.joining(", ")));
    }
  }

  /** Rows of different days: each day with its bases. */
  private boolean mixedDates(List<Outcome.Fetched> rows) {
    Map<LocalDate, List<String>> byDate = new TreeMap<>();
    rows.forEach(row -> byDate.computeIfAbsent(row.rates().date(), d -> new ArrayList<>()).add(row.rates().base()));
    if (byDate.size() < 2) {
      return false;
    }
    err.println("fxmatrix: " + (options.strict() ? "" : "warning: ") + "rows of different days: "
        + byDate.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
            .collect(Collectors.joining(", ")));
    return true;
  }

  /** Symbols asked for that the answers left out (n/a cells), with the rows that lack them. */
  private boolean missingCells(List<Outcome.Fetched> rows) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (String symbol : options.symbols()) {
      for (Outcome.Fetched row : rows) {
        if (row.rates().rate(symbol).isEmpty()) {
          missing.computeIfAbsent(symbol, s -> new ArrayList<>()).add(row.rates().base());
        }
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    err.println("fxmatrix: " + (options.strict() ? "" : "warning: ") + "no rate for "
        + missing.entrySet().stream().map(e -> e.getKey() + " in " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("; ")));
    return true;
  }

  /** Without --max-age, a warning for rates more than a few business days old. */
  private void oldRates(List<Outcome.Fetched> rows) {
    // Not for a given --date (old on purpose), nor the embedded API (its data ends where the bundled file does).
    if (options.fetch().caching().maxAge() != null || options.fetch().date() != null || options.demo() != null) {
      return;
    }
    LocalDate today = this.today.get(); // only here: the zone's rules cost a short run ~6 ms to load
    Map<LocalDate, List<String>> old = new TreeMap<>();
    for (Outcome.Fetched row : rows) {
      LocalDate date = row.rates().date();
      if (EcbCalendar.businessDaysBetween(date, today) > OLD_AFTER_BUSINESS_DAYS) {
        old.computeIfAbsent(date, d -> new ArrayList<>()).add(row.rates().base());
      }
    }
    old.forEach((date, bases) -> err.println(
        "fxmatrix: warning: the latest rates of " + String.join(", ", bases) + " are of " + date + ", "
            + EcbCalendar.businessDaysBetween(date, today) + " business days ago; --max-age fails such rows"));
  }

  private void attributions(List<Outcome.Fetched> rows) {
    for (Provider provider : providers) {
      if (provider.attribution().isPresent() && rows.stream().anyMatch(r -> provider.name().equals(r.rates().provider()))) {
        err.println(provider.attribution().get());
      }
    }
  }
}
