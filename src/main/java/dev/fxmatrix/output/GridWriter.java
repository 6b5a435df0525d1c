package dev.fxmatrix.output;

import dev.fxmatrix.api.RateTable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Format {@code grid}: an aligned matrix for people, streamed row by row.
 *
 * <pre>
 * rates on 2019-04-09
 *               USD           EUR
 * USD       1.00000      0.886761
 * EUR       1.12770       1.00000
 * CZK        failed
 * </pre>
 *
 * <p>Cells are plain decimals (never scientific) with {@value #SIGNIFICANT} significant digits,
 * trailing zeros kept so numbers of one magnitude line up on the point, but at most {@value
 * #MAX_DECIMALS} decimals. Every realistic rate, from 0.0000212 (IRR→EUR) to 9999999999, then fits
 * a {@value #CELL_WIDTH}-character column, which is what lets rows be written before the later ones
 * are known. Integer digits are never replaced by zeros (1234567.8 shows as {@code 1234568}).
 *
 * <p>The date heads the grid, so the header is written when the first row arrives. A failed base
 * keeps its place as a row reading {@code failed} (the reason goes to stderr via the caller), so
 * the matrix keeps the shape the user asked for; failures before the first row wait for the header.
 * If every base failed, the header says {@code rates on n/a}. A row whose date differs from the
 * header's gets its own date appended in parentheses.
 */
public final class GridWriter implements MatrixWriter {
  static final int CELL_WIDTH = 12;
  static final int SIGNIFICANT = 6;
  static final int MAX_DECIMALS = 10;
  static final String GAP = "  ";
  static final String MISSING = "n/a";
  static final String FAILED = "failed";

  private static final MathContext ROUND = new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN);

  private final PrintWriter out;
  private final MatrixSpec spec;
  private final int baseWidth;
  private final List<String> failedBeforeHeader = new ArrayList<>();
  private LocalDate headerDate;
  private boolean headerWritten;

  public GridWriter(PrintWriter out, MatrixSpec spec) {
    this.out = Objects.requireNonNull(out);
    this.spec = Objects.requireNonNull(spec);
    this.baseWidth = spec.bases().stream().mapToInt(String::length).max().orElse(0);
  }

  @Override
  public void row(RateTable table) {
    if (!headerWritten) {
      writeHeader(table.date());
    }
    StringBuilder line = new StringBuilder(padRight(table.base()));
    for (String symbol : spec.symbols()) {
      line.append(GAP).append(padLeft(table.rate(symbol).map(GridWriter::cell).orElse(MISSING)));
    }
    if (table.date() != null && !table.date().equals(headerDate)) {
      line.append(GAP).append('(').append(table.date()).append(')');
    }
    out.print(line.append('\n').toString());
    out.flush();
  }

  @Override
  public void failed(String base, String reason) {
    if (headerWritten) {
      writeFailed(base);
      out.flush();
    } else {
      failedBeforeHeader.add(base);
    }
  }

  @Override
  public void end() {
    if (!headerWritten) {
      writeHeader(null);
    }
    out.flush();
  }

  /** A rate as {@value #SIGNIFICANT} significant digits in plain notation; see the class comment. */
  static String cell(BigDecimal rate) {
    BigDecimal rounded = rate.round(ROUND);
    // Exponent of the leading digit after rounding, so 99999.95 gets 0 decimals, not 1.
    int exponent = rounded.precision() - rounded.scale() - 1;
    int decimals = Math.clamp(SIGNIFICANT - 1 - exponent, 0, MAX_DECIMALS);
    return rate.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  private void writeHeader(LocalDate date) {
    headerDate = date;
    headerWritten = true;
    StringBuilder symbols = new StringBuilder(" ".repeat(baseWidth));
    spec.symbols().forEach(symbol -> symbols.append(GAP).append(padLeft(symbol)));
    out.print("rates on " + (date == null ? MISSING : date) + "\n" + symbols + "\n");
    failedBeforeHeader.forEach(this::writeFailed);
    failedBeforeHeader.clear();
  }

  private void writeFailed(String base) {
    out.print(padRight(base) + GAP + padLeft(FAILED) + "\n");
  }

  private String padRight(String base) {
    return base + " ".repeat(Math.max(0, baseWidth - base.length()));
  }

  private static String padLeft(String cell) {
    return " ".repeat(Math.max(0, CELL_WIDTH - cell.length())) + cell;
  }
}
