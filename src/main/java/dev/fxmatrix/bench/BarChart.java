package dev.fxmatrix.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars in Unicode blocks, eighths of a column for the ends, the longest bar filling what
 * is left of {@code width} after the labels and values.
 */
final class BarChart {
  private static final String EIGHTHS = " ▏▎▍▌▋▊▉";
  private static final int MIN_BAR_COLUMNS = 10;

  private BarChart() {}

  record Bar(String label, long value, String valueText) {}

  static List<String> render(List<Bar> bars, int width) {
    int labelWidth = bars.stream().mapToInt(b -> b.label().length()).max().orElse(0);
    int valueWidth = bars.stream().mapToInt(b -> b.valueText().length()).max().orElse(0);
    int columns = Math.max(MIN_BAR_COLUMNS, width - labelWidth - valueWidth - 4);
    long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Bar bar : bars) {
      String blocks = blocks(bar.value(), max, columns);
      lines.add(
          pad(bar.label(), labelWidth) + "  " + pad(blocks, columns) + "  "
              + " ".repeat(valueWidth - bar.valueText().length()) + bar.valueText());
    }
    return lines;
  }

  /** {@code value}'s share of {@code columns}, to an eighth; a visible sliver for any value above 0. */
  static String blocks(long value, long max, int columns) {
    if (max <= 0 || value <= 0) {
      return "";
    }
    long eighths = Math.max(1, Math.round((double) value / max * columns * 8));
    String full = "█".repeat((int) (eighths / 8));
    int rest = (int) (eighths % 8);
    return rest == 0 ? full : full + EIGHTHS.charAt(rest);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
