package dev.fxmatrix.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fxmatrix.api.RateTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Format {@code json}: one document, written at {@link #end} because JSON cannot be streamed as
 * rows and stay a single valid value.
 *
 * <pre>{@code
 * {"date": "2019-04-09", "bases": [...], "symbols": [...],
 *  "rates": {"USD": {"USD": 1, "EUR": 0.8867606633, "XXX": null}, ...},
 *  "providers": {"USD": "frankfurter", ...},
 *  "failures": {"PLN": "HTTP 500 (4 attempts)"}}
 * }</pre>
 *
 * <p>Rates are the shortest decimal of the value the API sent ({@link Decimals#shortest}), never in
 * scientific notation; a base's own cell is {@code 1}, a missing rate is {@code null}. {@code
 * providers} names who answered each row; {@code cached} (only when there are such rows) gives, for
 * a row taken from the cache in place of a failed or forbidden request, when it was fetched. {@code rates} holds the bases that succeeded,
 * {@code failures} (always present, maybe empty) the others with their reason. {@code date} is the
 * date the rows share; if they disagree it is the latest and {@code dates} gives each base's date
 * (absent otherwise, so the common case stays simple); if every base failed it is {@code null}. The
 * layout matches Python's {@code json.dumps(indent=2)}: 2-space indent, {@code "key": value}.
 */
public final class JsonWriter implements MatrixWriter {
  private static final ObjectWriter WRITER = createWriter();

  private final PrintWriter out;
  private final MatrixSpec spec;
  private final Map<String, RateTable> tables = new LinkedHashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();

  public JsonWriter(PrintWriter out, MatrixSpec spec) {
    this.out = Objects.requireNonNull(out);
    this.spec = Objects.requireNonNull(spec);
  }

  @Override
  public void row(RateTable table) {
    tables.put(table.base(), table);
  }

  @Override
  public void failed(String base, String reason) {
    failures.put(base, reason);
  }

  @Override
  public void end() {
    try {
      out.print(WRITER.writeValueAsString(document()) + "\n");
    } catch (JsonProcessingException e) {
      // Only plain strings, lists, maps and BigDecimals go in, so this would be a bug here.
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private Document document() {
    Map<String, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
    Map<String, String> dates = new LinkedHashMap<>();
    Map<String, String> providers = new LinkedHashMap<>();
    Map<String, String> cached = new LinkedHashMap<>();
    tables.forEach(
        (base, table) -> {
          Map<String, BigDecimal> row = new LinkedHashMap<>(); // allows the null of a missing rate
          spec.symbols().forEach(symbol -> row.put(symbol, table.rate(symbol).map(Decimals::shortest).orElse(null)));
          rates.put(base, row);
          if (table.date() != null) { // null: a row that needed no request
            dates.put(base, table.date().toString());
            providers.put(base, table.provider());
          }
          if (table.cachedAt() != null) {
            cached.put(base, table.cachedAt().toString());
          }
        });
    LocalDate latest =
        tables.values().stream().map(RateTable::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    boolean disagree = dates.values().stream().distinct().count() > 1;
    return new Document(
        latest == null ? null : latest.toString(),
        disagree ? dates : null,
        spec.bases(),
        spec.symbols(),
        rates,
        providers,
        cached.isEmpty() ? null : cached,
        failures);
  }

  /** The document's shape; {@code dates} and {@code cached} are left out when null, the others never. */
  @JsonPropertyOrder({"date", "dates", "bases", "symbols", "rates", "providers", "cached", "failures"})
  record Document(
      String date,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> dates,
      List<String> bases,
      List<String> symbols,
      Map<String, Map<String, BigDecimal>> rates,
      Map<String, String> providers,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> cached,
      Map<String, String> failures) {}

  private static ObjectWriter createWriter() {
    JsonMapper mapper =
        JsonMapper.builder()
            // Same switch as JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN: 0.0000708, not 7.08E-5.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n"); // "\n" on every platform
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }
}
