package dev.fxmatrix.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Nanoseconds shown as milliseconds: for people, and for scripts. */
final class Millis {
  private Millis() {}

  /** {@code 3121 ms}, {@code 98.4 ms}, {@code 5.12 ms}. */
  static String format(long nanos) {
    return number(nanos) + " ms";
  }

  /** {@code 3121}, {@code 98.4}, {@code 5.12}: at least three significant digits, no unit. */
  static String number(long nanos) {
    double ms = nanos / 1e6;
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
        : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
        : String.format(Locale.ROOT, "%.2f", ms);
  }

  /** Milliseconds with one decimal, for CSV and JSON: {@code 3121.4}. */
  static BigDecimal plain(long nanos) {
    return BigDecimal.valueOf(nanos).movePointLeft(6).setScale(1, RoundingMode.HALF_UP);
  }

  /** One decimal, for CSV and JSON: {@code 9.6}. */
  static BigDecimal oneDecimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
