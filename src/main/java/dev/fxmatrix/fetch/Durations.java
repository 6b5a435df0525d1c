package dev.fxmatrix.fetch;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as people read them in messages: {@code 500ms}, {@code 1s}, {@code 1.5s}, {@code 2m30s}, {@code 2h46m}, {@code 3d}. */
public final class Durations {
  private Durations() {}

  /** The shortest readable form, to the millisecond below a minute, to the second or minute above. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
    long seconds = duration.toSeconds();
    if (seconds < 3600) {
      return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    long minutes = seconds / 60;
    return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
  }
}
