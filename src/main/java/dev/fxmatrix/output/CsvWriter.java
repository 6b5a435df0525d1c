package dev.fxmatrix.output;

import dev.fxmatrix.api.RateTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Format {@code csv}: {@code base,USD,EUR,...} then one line per base that succeeded, streamed.
 *
 * <p>Cells are the shortest decimal of the value the API sent ({@link Decimals#shortest}, never
 * scientific), so the CSV loses nothing and does not depend on how a server spells its numbers.
 * After the symbols come three columns about the row: its {@code date}, the {@code provider} that
 * answered it, and {@code cached}, when the answer was fetched if it came from the cache in place
 * of a failed or forbidden request ({@code --stale-if-error}, {@code --offline}), else empty. A base's own cell is {@code 1}, which is exact and is
 * what {@link RateTable#rate} yields; a rate the API did not return is an empty cell. Failed bases
 * are left out (the caller reports them on stderr) so every line is a complete data row. Fields are
 * quoted per RFC 4180 when they need it; lines end in {@code "\n"}, which RFC 4180 readers accept
 * and Unix tools expect. The header is written with the first row, or at the end if none came.
 */
public final class CsvWriter implements MatrixWriter {
  private final PrintWriter out;
  private final MatrixSpec spec;
  private boolean headerWritten;

  public CsvWriter(PrintWriter out, MatrixSpec spec) {
    this.out = Objects.requireNonNull(out);
    this.spec = Objects.requireNonNull(spec);
  }

  @Override
  public void row(RateTable table) {
    writeHeaderOnce();
    List<String> fields = new ArrayList<>();
    fields.add(table.base());
    spec.symbols().forEach(s -> fields.add(table.rate(s).map(r -> Decimals.shortest(r).toPlainString()).orElse("")));
    fields.add(table.date() == null ? "" : table.date().toString());
    fields.add(table.provider() == null ? "" : table.provider());
    fields.add(table.cachedAt() == null ? "" : table.cachedAt().toString());
    writeLine(fields);
    out.flush();
  }

  @Override
  public void failed(String base, String reason) {
    // Left out; see the class comment.
  }

  @Override
  public void end() {
    writeHeaderOnce();
    out.flush();
  }

  private void writeHeaderOnce() {
    if (!headerWritten) {
      headerWritten = true;
      List<String> fields = new ArrayList<>();
      fields.add("base");
      fields.addAll(spec.symbols());
      fields.addAll(List.of("date", "provider", "cached"));
      writeLine(fields);
    }
  }

  private void writeLine(List<String> fields) {
    out.print(fields.stream().map(CsvWriter::escape).collect(Collectors.joining(",")) + "\n");
  }

  /** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
  static String escape(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
