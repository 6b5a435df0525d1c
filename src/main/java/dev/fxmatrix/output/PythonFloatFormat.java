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
 * is {@code 1.27e+02}). Digits come from correctly rounding the exact binary value half-even; the
 * exponent is read after rounding (99.96 → {@code 1e+02}). Checked line by line against a
 * Python-generated golden file in the tests.
 *
 * <p>The digits are rounded from the value's shortest decimal ({@link Double#toString}), falling back
 * to the exact binary value ({@code new BigDecimal(double)}) only on a tie; see {@link
 * #roundShortest}. Same digits, and several times cheaper while the JIT is cold: a short run formats
 * a thousand cells in its first few hundred milliseconds, and the exact expansion was most of the
 * time between the last answer and the last line. A rate the API gave as a decimal is rounded from
 * those digits instead, where that is the same ({@link #roundDecimal}): the shortest decimal of a
 * double is itself the costliest step while the JIT is cold.
 */
public final class PythonFloatFormat {
  private static final int WIDTH = 7;
  private static final int PRECISION = 3;
  private static final MathContext ROUND = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

  private PythonFloatFormat() {}

  /** {@code f"{rate:7.03}"}: right-aligned in 7 columns, longer results are not cut. */
  public static String format(double rate) {
    return pad(body(rate, false));
  }

  /**
   * {@link #format(double)} of the double nearest {@code rate}, which is what Python holds after
   * {@code float(text)}: read off the decimal's own digits where that gives the same cell (see
   * {@link #roundDecimal}), skipping the double's shortest decimal, the costliest step of a cell
   * while the JIT is cold.
   */
  public static String format(BigDecimal rate) {
    Rounded rounded = roundDecimal(rate);
    return rounded == null ? format(rate.doubleValue()) : pad(text("", rounded));
  }

  /** {@link #format} rounding the exact binary value every time: the reference the tests hold it to. */
  static String formatExactly(double rate) {
    return pad(body(rate, true));
  }

  private static String pad(String body) {
    return body.length() >= WIDTH ? body : " ".repeat(WIDTH - body.length()) + body;
  }

  private static String body(double value, boolean exactly) {
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
    // Subnormals keep too few bits for the shortest decimal to stand for the exact value.
    boolean viaShortest = !exactly && Math.abs(value) >= Double.MIN_NORMAL;
    Rounded rounded = viaShortest ? roundShortest(Math.abs(value)) : null;
    if (rounded == null) {
      BigDecimal exact = new BigDecimal(value).abs().round(ROUND);
      rounded = new Rounded(exact.unscaledValue().longValueExact(), exact.scale());
    }
    return text(sign, rounded);
  }

  /**
   * A value rounded to {@link #PRECISION} significant digits: {@code digits} × 10^-{@code scale},
   * at most PRECISION + 1 digits (999 rounds up to 1000). Plain long arithmetic from here, which a
   * cold JVM runs several times faster than BigDecimal's strings.
   */
  private record Rounded(long digits, int scale) {}

  private static String text(String sign, Rounded rounded) {
    long digits = rounded.digits();
    int scale = rounded.scale();
    while (digits % 10 == 0) {
      digits /= 10;
      scale--;
    }
    String text = Long.toString(digits);
    // Decimal exponent of the leading digit, e.g. 1.27E+2 → 2, 0.000878 → -4.
    int exponent = text.length() - scale - 1;
    if (exponent < -4 || exponent >= PRECISION - 1) {
      return sign + scientific(text, exponent);
    }
    return sign + plain(text, scale);
  }

  /** {@code digits} × 10^-{@code scale} without an exponent, and with a digit after the point. */
  private static String plain(String digits, int scale) {
    if (scale <= 0) {
      return digits + "0".repeat(-scale) + ".0";
    }
    if (scale >= digits.length()) {
      return "0." + "0".repeat(scale - digits.length()) + digits;
    }
    int point = digits.length() - scale;
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  /**
   * {@code abs} (finite, normal, above 0) rounded to {@link #PRECISION} significant digits from its shortest
   * decimal, or null when that decimal is a tie ({@code d.dd5}: four digits ending in 5).
   *
   * <p>Why that is exact: {@link Double#toString} (JDK 19+) gives the shortest decimal that reads
   * back as {@code abs}, and every decimal that reads back lies within half an ulp of it (for a
   * normal double, a few parts in 10^16, against 10^-4 between decimals of four digits). A rounding
   * boundary has four significant digits; if one lay that close, it would be the only decimal of
   * four digits or fewer there, so the shortest decimal would be that very boundary: the tie case.
   * Otherwise the shortest decimal and the exact value lie on the same side of every boundary and
   * round alike, half-even or not.
   */
  private static Rounded roundShortest(double abs) {
    String text = Double.toString(abs); // "0.00123", "123.45", "1.2345E-5", "1.0E10"
    int end = text.indexOf('E');
    int exponent = 0;
    if (end < 0) {
      end = text.length();
    } else {
      exponent = Integer.parseInt(text, end + 1, text.length(), 10);
    }
    long kept = 0; // the first PRECISION significant digits
    int significant = 0; // significant digits seen, trailing zeros included
    int next = 0; // the digit after the kept ones
    boolean rest = false; // any non-zero digit after that one
    int fractionDigits = 0;
    boolean fraction = false;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = true;
        continue;
      }
      int digit = c - '0';
      if (fraction) {
        fractionDigits++;
      }
      if (significant == 0 && digit == 0) {
        continue; // a leading zero
      }
      if (significant < PRECISION) {
        kept = kept * 10 + digit;
      } else if (significant == PRECISION) {
        next = digit;
      } else {
        rest |= digit != 0;
      }
      significant++;
    }
    int dropped = Math.max(0, significant - PRECISION);
    if (dropped > 0 && next == 5 && !rest) {
      return null;
    }
    if (dropped > 0 && next >= 5) {
      kept++; // 999 + 1 = 1000 is fine: the caller strips the zeros and reads the exponent after
    }
    return new Rounded(kept, fractionDigits - exponent - dropped);
  }

  /**
   * {@code rate} rounded to {@link #PRECISION} significant digits from its own digits, or null where
   * that could differ from rounding its double: a tie ({@code d.dd5}), more than 15 significant
   * digits, not above zero, or beyond the normal doubles.
   *
   * <p>Why that is exact: the double nearest {@code rate} lies within half an ulp of it, under
   * 1.2e-16 of its size. A rounding boundary (four significant digits) other than {@code rate} itself
   * is, like {@code rate}, a multiple of 10^-14 of {@code rate}'s leading digit's place, so at least
   * 1e-15 of its size away: {@code rate} and its double lie on the same side of every boundary.
   */
  private static Rounded roundDecimal(BigDecimal rate) {
    int precision = rate.precision();
    int exponent = precision - rate.scale() - 1; // of the leading digit
    if (rate.signum() <= 0 || precision > 15 || exponent < -300 || exponent > 300) {
      return null;
    }
    long unscaled = rate.unscaledValue().longValueExact();
    int dropped = Math.max(0, precision - PRECISION);
    long unit = 1;
    for (int i = 0; i < dropped; i++) {
      unit *= 10;
    }
    long kept = unscaled / unit;
    long rest = unscaled % unit;
    if (dropped > 0 && 2 * rest == unit) {
      return null;
    }
    if (2 * rest > unit) {
      kept++;
    }
    return new Rounded(kept, rate.scale() - dropped);
  }

  /** {@code d.dde±XX}: no forced ".0" here, and the exponent has at least two digits. */
  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String expSign = exponent < 0 ? "-" : "+";
    int absExp = Math.abs(exponent);
    return mantissa + "e" + expSign + (absExp < 10 ? "0" : "") + absExp;
  }
}
