package dev.fxmatrix.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The few pieces of Ruby's float arithmetic that Frankfurter's answers are made of, reimplemented so
 * that the embedded API prints the same digits: {@code Float(format("%.Nf", x))}, {@code
 * Float#round}, {@code String#to_f}, and how the Oj gem writes a Float into JSON.
 *
 * <p>All of it was checked against Debian's Ruby 3.1 and Oj 3.14 (see {@code
 * gen_frankfurter_golden.rb} beside the tests): Ruby's {@code format} is not the correctly rounded
 * result in every case, so a decimal rounding of the double, or of its shortest digits, differs from
 * Frankfurter in a few cells in a thousand.
 */
public final class RubyFloat {
  private static final double[] TENS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final double[] BIG_TENS = {1e16, 1e32, 1e64, 1e128, 1e256};
  private static final int QUICK_MAX = 14; // dtoa tries float arithmetic up to this many digits
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** A Ruby exception, by the message Ruby gives it ({@code FloatDomainError: Infinity}). */
  public static final class RubyError extends RuntimeException {
    RubyError(String message) {
      super(message, null, false, false);
    }
  }

  private RubyFloat() {}

  /**
   * {@code Float(format("%.Nf", value))} for a finite value ≥ 0 and 0 ≤ decimals ≤ 20.
   *
   * <p>Ruby formats with its own copy of David Gay's dtoa (mode 3, {@code missing/dtoa.c}), which
   * first tries plain double arithmetic. Where that estimate of the rest lands within its error
   * bound of one half, Ruby (unlike Gay's original, which then falls back to exact arithmetic)
   * takes it as an exact tie and rounds half to even: {@code format("%.2f", 2.675)} is "2.68"
   * though the double is 2.67499999999999982236431605997495353221893310546875. Everywhere else the
   * result is the correctly rounded one. This reimplements that decision step by step, in the same
   * double operations, so the outcome is the same bit for bit.
   *
   * @throws RubyError for NaN and infinities, as {@code Float("NaN")} raises
   */
  public static double formatFixed(double value, int decimals) {
    if (Double.isNaN(value)) {
      throw new RubyError("invalid value for Float(): \"NaN\"");
    }
    if (Double.isInfinite(value)) {
      throw new RubyError("invalid value for Float(): \"" + (value > 0 ? "Inf" : "-Inf") + "\"");
    }
    if (value < 0 || decimals < 0 || decimals > 20) {
      throw new IllegalArgumentException("only values >= 0 and 0..20 decimals: " + value + ", " + decimals);
    }
    if (value == 0) {
      return 0.0;
    }
    Quick quick = quick(value, decimals);
    if (quick != null && quick.decided && quick.scale >= 0 && quick.scale <= 22 && quick.digits < (1L << 53)) {
      // Both operands exact, so one IEEE division is the correctly rounded value, as Float() reads it.
      return quick.digits / TENS[quick.scale];
    }
    return Double.parseDouble(fixedDigits(value, decimals).toString());
  }

  /** The decimal {@code format("%.Nf", value)} prints, for finite value > 0. */
  public static BigDecimal fixedDigits(double value, int decimals) {
    Quick quick = quick(value, decimals);
    if (quick == null) {
      return exactlyRounded(value, decimals, false);
    }
    return quick.decided ? BigDecimal.valueOf(quick.digits, quick.scale) : exactlyRounded(value, decimals, quick.tie);
  }

  /**
   * dtoa's attempt in double arithmetic; null where it does not try (more than 14 digits, or a
   * subnormal, far below any digit asked for).
   */
  private static Quick quick(double value, int decimals) {
    long bits = Double.doubleToRawLongBits(value);
    int biasedExponent = (int) (bits >>> 52) & 0x7ff;
    if (biasedExponent == 0) {
      return null;
    }
    // dtoa's estimate of k = floor(log10(value)), too large by one at most.
    double mantissa = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
    int binaryExponent = biasedExponent - 1023;
    double estimate =
        (mantissa - 1.5) * 0.289529654602168 + 0.1760912590558 + binaryExponent * 0.301029995663981;
    int k = (int) estimate;
    if (estimate < 0 && estimate != k) {
      k--;
    }
    boolean kChecked = false;
    if (k >= 0 && k < TENS.length) {
      if (value < TENS[k]) {
        k--;
      }
      kChecked = true;
    }
    int digits = decimals + k + 1; // dtoa's ilim for mode 3
    return digits >= 0 && digits <= QUICK_MAX ? quickPath(value, k, kChecked, digits) : null;
  }

  /**
   * The quick path's answer: {@code digits × 10^-scale} when {@code decided}; else to be redone
   * exactly, {@code tie} being Ruby's {@code half} flag.
   */
  private record Quick(boolean decided, long digits, int scale, boolean tie) {
    static final Quick FAILED = new Quick(false, 0, 0, false);
  }

  private static Quick quickPath(double value, int k, boolean kChecked, int ilim) {
    double d = value;
    int ieps = 2; // error bound, in units of the last place
    if (k > 0) {
      double divisor = TENS[k & 0xf];
      int j = k >> 4;
      if ((j & 0x10) != 0) {
        j &= 0x0f;
        d /= BIG_TENS[4];
        ieps++;
      }
      for (int i = 0; j != 0; j >>= 1, i++) {
        if ((j & 1) != 0) {
          ieps++;
          divisor *= BIG_TENS[i];
        }
      }
      d /= divisor;
    } else if (k < 0) {
      int j1 = -k;
      d *= TENS[j1 & 0xf];
      for (int j = j1 >> 4, i = 0; j != 0; j >>= 1, i++) {
        if ((j & 1) != 0) {
          ieps++;
          d *= BIG_TENS[i];
        }
      }
    }
    if (!kChecked && d < 1.0 && ilim > 0) {
      if (ilim - 1 <= 0) {
        return Quick.FAILED;
      }
      ilim--;
      k--;
      d *= 10.0;
      ieps++;
    }
    double eps = (ieps * d + 7.0) * 0x1p-52;
    if (ilim == 0) {
      d -= 5.0;
      if (d > eps) {
        return new Quick(true, 1, -(k + 1), false);
      }
      if (d < -eps) {
        return new Quick(true, 0, 0, false);
      }
      return Quick.FAILED;
    }
    eps *= TENS[ilim - 1];
    long digits = 0;
    for (int i = 1; ; i++, d *= 10.0) {
      long digit = (long) d;
      d -= digit;
      if (d == 0) {
        ilim = i;
      }
      digits = digits * 10 + digit;
      if (i == ilim) {
        int scale = ilim - (k + 1);
        if (d > 0.5 + eps) {
          return new Quick(true, digits + 1, scale, false);
        } else if (d < 0.5 - eps) {
          return new Quick(true, digits, scale, false);
        }
        // Ruby's own addition: a near-tie counts as a tie, broken to the even digit.
        return (digit & 1) != 0 ? new Quick(true, digits + 1, scale, true) : new Quick(false, 0, 0, true);
      }
    }
  }

  /** dtoa's exact path: half to even, except after a near-tie with an even digit, which stays. */
  private static BigDecimal exactlyRounded(double value, int decimals, boolean tie) {
    BigDecimal scaled = new BigDecimal(value).movePointRight(decimals);
    BigInteger floor = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    int rest = scaled.subtract(new BigDecimal(floor)).compareTo(HALF);
    boolean odd = floor.testBit(0);
    boolean up = !tie && (rest > 0 || (rest == 0 && odd)) || tie && odd;
    return new BigDecimal(up ? floor.add(BigInteger.ONE) : floor).movePointLeft(decimals);
  }

  /**
   * {@code Float#round} with no digits: half away from zero, exact on the double; the result is a
   * Ruby Integer, returned here as the double holding it (always exact: doubles from 2^53 up are
   * integers already).
   *
   * @throws RubyError for NaN and infinities ({@code FloatDomainError})
   */
  public static double roundToInteger(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new RubyError(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
    if (value >= 0x1p52 || value <= -0x1p52) {
      return value; // no fraction left at this size
    }
    double floor = Math.floor(value);
    double rest = value - floor; // exact
    return rest > 0.5 || rest == 0.5 && value > 0 ? floor + 1 : floor; // half away from zero
  }

  /** How Oj (mode :compat) writes a finite Float: integral values below 2^63 as "%.1f", others as Float#to_s. */
  public static String ojText(double value) {
    if (value == 0) {
      return "0.0";
    }
    if (Math.abs(value) < 0x1p63 && value == Math.rint(value)) {
      return (long) value + ".0";
    }
    return toS(value);
  }

  /** A Ruby Integer held in a double, as Ruby prints it: all its digits. */
  public static String integerText(double integral) {
    return Math.abs(integral) < 0x1p63 ? Long.toString((long) integral) : new BigDecimal(integral).toPlainString();
  }

  /**
   * {@code Float#to_s}: the shortest digits that read back as the same double; fixed notation for
   * decimal exponents -3..16 ({@code 0.0001}, {@code 1.0e+16} is not), else {@code d.ddde+XX}.
   */
  public static String toS(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    // Java's Double.toString gives the shortest uniquely-identifying digits, as dtoa's mode 0 does.
    BigDecimal shortest = shortest(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    int decpt = digits.length() - shortest.scale(); // the value is 0.DIGITS × 10^decpt
    StringBuilder text = new StringBuilder(24);
    if (value < 0) {
      text.append('-');
    }
    if (decpt > 0 && decpt <= 16) {
      if (digits.length() <= decpt) {
        text.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
      } else {
        text.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
      }
    } else if (decpt <= 0 && decpt > -4) {
      text.append("0.").append("0".repeat(-decpt)).append(digits);
    } else {
      text.append(digits.charAt(0)).append('.');
      text.append(digits.length() > 1 ? digits.substring(1) : "0");
      int exponent = decpt - 1;
      text.append('e').append(exponent < 0 ? '-' : '+');
      String magnitude = String.valueOf(Math.abs(exponent));
      text.append(magnitude.length() < 2 ? "0" + magnitude : magnitude);
    }
    return text.toString();
  }

  /**
   * The shortest decimal that reads back as {@code value} (> 0), the nearest of them if several.
   * Java's {@link Double#toString} is that, except that where one digit would do it may pick a
   * nearer two-digit decimal (only subnormals are that coarse: 4.9e-324 where Ruby says 5.0e-324).
   */
  private static BigDecimal shortest(double value) {
    BigDecimal java = parseJavaDouble(Double.toString(value));
    if (java.precision() != 2) {
      return java;
    }
    BigDecimal best = null;
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal oneDigit = java.round(new MathContext(1, mode));
      if (oneDigit.signum() > 0
          && Double.parseDouble(oneDigit.toString()) == value
          && (best == null
              || oneDigit.subtract(new BigDecimal(value)).abs().compareTo(best.subtract(new BigDecimal(value)).abs()) < 0)) {
        best = oneDigit;
      }
    }
    return best == null ? java : best.stripTrailingZeros();
  }

  /** {@link Double#toString}'s text ({@code 123.45}, {@code 1.2345E-5}) as a decimal without trailing zeros. */
  private static BigDecimal parseJavaDouble(String text) {
    long digits = 0;
    int scale = 0;
    int exponent = 0;
    boolean fraction = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = true;
      } else if (c == 'E') {
        exponent = Integer.parseInt(text, i + 1, text.length(), 10);
        break;
      } else {
        digits = digits * 10 + (c - '0');
        if (fraction) {
          scale++;
        }
      }
    }
    while (digits != 0 && digits % 10 == 0) {
      digits /= 10;
      scale--;
    }
    return BigDecimal.valueOf(digits, scale - exponent);
  }

  /**
   * {@code String#to_f}: the longest leading decimal number (after blanks), digits optionally
   * joined by single underscores, else 0.0. No hex, no "Infinity"; an exponent too large is
   * Infinity, as in Ruby.
   */
  public static double toF(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && isRubySpace(text.charAt(i))) {
      i++;
    }
    StringBuilder number = new StringBuilder(n - i);
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      number.append(text.charAt(i++));
    }
    int intStart = number.length();
    i = digits(text, i, number);
    boolean hasInt = number.length() > intStart;
    int end = i;
    if (i < n && text.charAt(i) == '.' && i + 1 < n && isDigit(text.charAt(i + 1))) {
      number.append('.');
      i = digits(text, i + 1, number);
      end = i;
    } else if (!hasInt) {
      return 0.0;
    }
    if (end < n && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
      int j = end + 1;
      StringBuilder exponent = new StringBuilder().append('e');
      if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
        exponent.append(text.charAt(j++));
      }
      if (j < n && isDigit(text.charAt(j))) {
        digits(text, j, exponent);
        number.append(exponent);
      }
    }
    return Double.parseDouble(number.toString());
  }

  /** Appends digits from {@code i}, with single underscores between them; returns where they stop. */
  private static int digits(String text, int i, StringBuilder out) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        out.append(c);
        i++;
      } else if (c == '_' && i > 0 && isDigit(text.charAt(i - 1)) && i + 1 < n && isDigit(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isRubySpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
