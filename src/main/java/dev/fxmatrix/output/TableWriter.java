package dev.fxmatrix.output;

import dev.fxmatrix.api.RateTable;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Format {@code table}: the original script's line per base, kept byte-compatible with it, e.g.
 * {@code 1 USD =     1.0 USD,   0.887 EUR,     3.8 PLN}. Each rate goes through {@link
 * PythonFloatFormat} because the script printed {@code f"{rate:7.03}"}.
 *
 * <p>A symbol the API did not return is shown as {@code n/a} in the same 7 columns. A failed base
 * prints nothing here: the caller reports it on stderr, so stdout keeps only well-formed lines.
 */
public final class TableWriter implements MatrixWriter {
  static final String MISSING = "    n/a";

  private final PrintWriter out;
  private final MatrixSpec spec;

  public TableWriter(PrintWriter out, MatrixSpec spec) {
    this.out = Objects.requireNonNull(out);
    this.spec = Objects.requireNonNull(spec);
  }

  @Override
  public void row(RateTable table) {
    String cells =
        spec.symbols().stream()
            .map(symbol -> " " + cell(table, symbol) + " " + symbol)
            .collect(Collectors.joining(","));
    out.print("1 " + table.base() + " =" + cells + "\n");
    out.flush();
  }

  private static String cell(RateTable table, String symbol) {
    return table.rate(symbol).map(PythonFloatFormat::format).orElse(MISSING);
  }

  @Override
  public void failed(String base, String reason) {
    // Nothing on stdout; see the class comment.
  }

  @Override
  public void end() {
    out.flush();
  }
}
