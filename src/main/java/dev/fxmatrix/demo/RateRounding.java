package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Frankfurter v1's rounding of computed rates, in bands by size: over 5000 a whole number, over 80
 * two decimals, over 20 three, over 1 four, over 0.0001 five, else six (the usual quoting precision
 * of currency pairs). Half-up, like Ruby's rounding.
 *
 * <p>The result is ready to print with {@link BigDecimal#toPlainString()} as Frankfurter prints it:
 * the whole-number band has scale 0 (a JSON integer, {@code 17188}); the others drop trailing zeros
 * but keep one decimal, like a Ruby Float ({@code 1.171}, {@code 2.0}).
 */
final class RateRounding {
  private static final BigDecimal OVER_5000 = new BigDecimal("5000");
  private static final BigDecimal OVER_80 = new BigDecimal("80");
  private static final BigDecimal OVER_20 = new BigDecimal("20");
  private static final BigDecimal OVER_0_0001 = new BigDecimal("0.0001");

  private RateRounding() {}

  static BigDecimal round(BigDecimal value) {
    if (value.compareTo(OVER_5000) > 0) {
      return value.setScale(0, RoundingMode.HALF_UP);
    }
    int decimals;
    if (value.compareTo(OVER_80) > 0) {
      decimals = 2;
    } else if (value.compareTo(OVER_20) > 0) {
      decimals = 3;
    } else if (value.compareTo(BigDecimal.ONE) > 0) {
      decimals = 4;
    } else if (value.compareTo(OVER_0_0001) > 0) {
      decimals = 5;
    } else {
      decimals = 6;
    }
    return asFloat(value.setScale(decimals, RoundingMode.HALF_UP));
  }

  /** Drops trailing zeros but keeps at least one decimal, so it prints like a float ({@code 1.0}). */
  static BigDecimal asFloat(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }
}
