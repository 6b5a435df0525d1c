package dev.fxmatrix.output;

import dev.fxmatrix.api.RateTable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Format {@code csv}: {@code base,USD,EUR,...} then one line per base that succeeded, streamed.
 *
 * <p>Cells repeat the API's digits exactly ({@link BigDecimal#toPlainString()}, never rounded and
 * never scientific), so the CSV loses nothing. A base's own cell is {@code 1}, which is exact and is
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
    spec.symbols().forEach(s -> fields.add(table.rate(s).map(BigDecimal::toPlainString).orElse("")));
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
