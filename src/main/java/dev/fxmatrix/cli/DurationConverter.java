package dev.fxmatrix.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them on a command line: {@code 500ms}, {@code 10s}, {@code 1.5s},
 * {@code 2m}, {@code 0}. A bare number only when zero: "5" could mean seconds or milliseconds.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ns|us|ms|s|m|h|d)?");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L,
          "d", 86_400_000_000_000L);

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  /**
   * A non-negative number with a unit ({@code ns us ms s m h d}).
   *
   * @throws TypeConversionException naming the value and the accepted forms
   */
  static Duration parse(String text) {
    Matcher form = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!form.matches()) {
      throw invalid(text);
    }
    String number = form.group(1);
    String unit = form.group(2);
    if (unit == null) {
      if (!number.matches("[0.]*")) {
        throw invalid(text);
      }
      return Duration.ZERO;
    }
    try {
      return Duration.ofNanos(nanos(number, NANOS_PER_UNIT.get(unit)));
    } catch (ArithmeticException e) {
      throw new TypeConversionException("'" + text + "' is too long a duration");
    }
  }

  /**
   * {@code number} units in nanoseconds, rounded half up. The usual short forms in long
   * arithmetic, anything longer in BigDecimal: both exact, but BigDecimal's first use costs a
   * short-lived JVM ~6 ms, on the main thread, before the first request.
   */
  private static long nanos(String number, long perUnit) {
    int point = number.indexOf('.');
    String whole = point < 0 ? number : number.substring(0, point);
    String fraction = point < 0 ? "" : number.substring(point + 1);
    if (whole.length() > 12 || fraction.length() > 4) {
      return new BigDecimal(number)
          .multiply(BigDecimal.valueOf(perUnit))
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    }
    long nanos = whole.isEmpty() ? 0 : Math.multiplyExact(Long.parseLong(whole), perUnit);
    if (fraction.isEmpty()) {
      return nanos;
    }
    long scale = (long) Math.pow(10, fraction.length()); // exact up to 10^4
    long scaled = Long.parseLong(fraction) * perUnit; // below 10^4 × 8.64 × 10^13: no overflow
    long part = scaled / scale + (2 * (scaled % scale) >= scale ? 1 : 0);
    return Math.addExact(nanos, part);
  }

  private static TypeConversionException invalid(String text) {
    return new TypeConversionException("'" + text + "' is not a duration; give a number and a unit, like 500ms, 10s or 1.5s");
  }
}
