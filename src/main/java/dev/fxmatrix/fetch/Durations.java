package dev.fxmatrix.fetch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 0}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ns|us|ms|s|m|h)?");
  private static final Map<String, BigDecimal> NANOS_PER_UNIT =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000L),
          "ms", BigDecimal.valueOf(1_000_000L),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  private Durations() {}

  /**
   * Parses a non-negative number with a unit ({@code ns us ms s m h}); a bare number only when zero.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Duration parse(String text) {
    Matcher form = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!form.matches()) {
      throw invalid(text);
    }
    BigDecimal number = new BigDecimal(form.group(1));
    String unit = form.group(2);
    if (unit == null) {
      if (number.signum() != 0) {
        throw invalid(text); // "5" could mean seconds or milliseconds: make the user say
      }
      return Duration.ZERO;
    }
    try {
      BigDecimal nanos = number.multiply(NANOS_PER_UNIT.get(unit));
      return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too long: '" + text + "'");
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("expected a duration like 500ms, 10s or 1.5s, got '" + text + "'");
  }

  /** The shortest readable form: {@code 500ms}, {@code 1s}, {@code 1.5s}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
