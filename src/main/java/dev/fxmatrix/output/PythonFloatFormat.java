package dev.fxmatrix.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly like Python 3's {@code f"{rate:7.03}"}, the format the original script
 * printed its table with, so the {@code table} output stays byte-for-byte compatible with it.
 *
 * <p>That format spec is width 7, precision 3 and no presentation type, which CPython implements as
 * {@code 'g'} with two twists: fixed notation always keeps a digit after the point ({@code 1.0}), and
 * scientific notation starts one exponent earlier, at {@code exp >= precision - 1} (so {@code 127.3}
 * is {@code 1.27e+02}). Digits come from correctly rounding the exact binary value half-even, which
 * {@code new BigDecimal(double)} reproduces; the exponent is read after rounding (99.96 → {@code
 * 1e+02}). Checked line by line against a Python-generated golden file in the tests.
 */
public final class PythonFloatFormat {
  private static final int WIDTH = 7;
  private static final int PRECISION = 3;
  private static final MathContext ROUND = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

  private PythonFloatFormat() {}

  /** {@code f"{rate:7.03}"}: right-aligned in 7 columns, longer results are not cut. */
  public static String format(double rate) {
    String body = body(rate);
    return body.length() >= WIDTH ? body : " ".repeat(WIDTH - body.length()) + body;
  }

  private static String body(double value) {
    // Python never prints a sign for NaN, whatever its sign bit.
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    // BigDecimal has no negative zero, so the sign of 0.0 / -0.0 is read from the bits.
    String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
    if (value == 0) {
      return sign + "0.0";
    }
    BigDecimal rounded = new BigDecimal(value).abs().round(ROUND).stripTrailingZeros();
    // Decimal exponent of the leading digit, e.g. 1.27E+2 → 2, 0.000878 → -4.
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= PRECISION - 1) {
      return sign + scientific(rounded.unscaledValue().toString(), exponent);
    }
    String plain = rounded.toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }

  /** {@code d.dde±XX}: no forced ".0" here, and the exponent has at least two digits. */
  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String expSign = exponent < 0 ? "-" : "+";
    int absExp = Math.abs(exponent);
    return mantissa + "e" + expSign + (absExp < 10 ? "0" : "") + absExp;
  }
}
