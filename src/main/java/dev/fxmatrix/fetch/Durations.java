package dev.fxmatrix.fetch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 0}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

  private Durations() {}

  /** Parses a non-negative duration; the exception's message is fit for a usage error. */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: use a number and a unit, like 500ms, 10s, 1.5s or 2m");
    }
    BigDecimal nanosPerUnit =
        switch (m.group(2)) {
          case "ms" -> BigDecimal.valueOf(1_000_000L);
          case "s" -> BigDecimal.valueOf(1_000_000_000L);
          default -> BigDecimal.valueOf(60_000_000_000L);
        };
    return Duration.ofNanos(new BigDecimal(m.group(1)).multiply(nanosPerUnit).longValue());
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
