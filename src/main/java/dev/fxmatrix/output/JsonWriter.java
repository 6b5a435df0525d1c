package dev.fxmatrix.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.fxmatrix.api.RateTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
  // jackson-core's generator, not an ObjectMapper: the same text, without databind's set-up on the
  // path of every run that ends in JSON.
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

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
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(prettyPrinter());
      write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into a StringWriter: a bug here
    }
    out.print(text + "\n");
    out.flush();
  }

  private void write(JsonGenerator json) throws IOException {
    LocalDate latest =
        tables.values().stream().map(RateTable::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    Map<String, String> dates = new LinkedHashMap<>();
    Map<String, String> providers = new LinkedHashMap<>();
    Map<String, String> cached = new LinkedHashMap<>();
    tables.forEach(
        (base, table) -> {
          if (table.date() != null) { // null: a row that needed no request
            dates.put(base, table.date().toString());
            providers.put(base, table.provider());
          }
          if (table.cachedAt() != null) {
            cached.put(base, table.cachedAt().toString());
          }
        });
    json.writeStartObject();
    json.writeStringField("date", latest == null ? null : latest.toString());
    if (dates.values().stream().distinct().count() > 1) {
      strings(json, "dates", dates);
    }
    list(json, "bases", spec.bases());
    list(json, "symbols", spec.symbols());
    json.writeObjectFieldStart("rates");
    for (RateTable table : tables.values()) {
      json.writeObjectFieldStart(table.base());
      for (String symbol : spec.symbols()) {
        BigDecimal rate = table.rate(symbol).map(Decimals::shortest).orElse(null);
        json.writeFieldName(symbol);
        if (rate == null) {
          json.writeNull(); // a rate the API did not return
        } else {
          json.writeNumber(rate);
        }
      }
      json.writeEndObject();
    }
    json.writeEndObject();
    strings(json, "providers", providers);
    if (!cached.isEmpty()) {
      strings(json, "cached", cached);
    }
    strings(json, "failures", failures);
    json.writeEndObject();
  }

  private static void list(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void strings(JsonGenerator json, String name, Map<String, String> values) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  // Python's json.dumps(indent=2): 2-space indent, "key": value, empty {} and [], "\n" everywhere.
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
