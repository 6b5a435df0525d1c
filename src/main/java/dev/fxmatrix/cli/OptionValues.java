package dev.fxmatrix.cli;

import dev.fxmatrix.api.FrankfurterApi;
import dev.fxmatrix.fetch.Durations;
import dev.fxmatrix.fetch.Strategy;
import dev.fxmatrix.output.OutputFormat;
import dev.fxmatrix.output.OutputTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Turns option text into values, or into a message that names the option and what it allows. Pure
 * functions: nothing here touches the network, so bad input is refused before anything is sent.
 * Public so subcommands in other packages ({@code bench}) validate options the same way.
 */
public final class OptionValues {
  private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

  private OptionValues() {}

  /** Thrown with a message fit to show as it is. */
  public static final class BadValue extends IllegalArgumentException {
    public BadValue(String message) {
      super(message);
    }
  }

  public static List<String> currencies(String option, String text) {
    if (text.isBlank()) {
      throw new BadValue(option + " is empty: give comma-separated three-letter codes, like USD,EUR");
    }
    List<String> codes = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String code = item.trim();
      if (code.isEmpty()) {
        throw new BadValue(option + " has an empty item in '" + text + "': give codes like USD,EUR");
      }
      if (!CODE.matcher(code).matches()) {
        throw new BadValue(option + ": '" + code + "' is not a currency code: use three letters, like USD");
      }
      String upper = code.toUpperCase(Locale.ROOT);
      if (codes.contains(upper)) {
        throw new BadValue(option + " lists " + upper + " twice: give each code once");
      }
      codes.add(upper);
    }
    return List.copyOf(codes);
  }

  public static Strategy strategy(String text) {
    return Strategy.byName(text.trim())
        .orElseThrow(
            () -> new BadValue("--strategy: unknown strategy '" + text + "'; choose one of " + Strategy.names()));
  }

  public static OutputFormat format(String text) {
    try {
      return OutputFormat.fromCliName(text.trim());
    } catch (IllegalArgumentException e) {
      throw new BadValue("--format: " + e.getMessage());
    }
  }

  public static int atLeast(String option, int value, int minimum) {
    if (value < minimum) {
      throw new BadValue(option + " must be at least " + minimum + ", not " + value);
    }
    return value;
  }

  public static Double rate(String text) {
    if (text == null) {
      return null;
    }
    try {
      double rate = Double.parseDouble(text.trim());
      if (rate > 0 && Double.isFinite(rate)) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // the message below says what is allowed
    }
    throw new BadValue("--rate must be a number of requests per second above 0, like 10 or 0.5; not '" + text + "'");
  }

  public static Duration duration(String option, String text, boolean zeroAllowed) {
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue(option + ": " + e.getMessage());
    }
    if (!zeroAllowed && duration.isZero()) {
      throw new BadValue(option + " must be longer than 0, like 500ms or 10s");
    }
    return duration;
  }

  public static LocalDate date(String text, LocalDate today) {
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new BadValue("--date: '" + text + "' is not a real date in the form YYYY-MM-DD, like 2019-04-09");
    }
    if (date.isAfter(today)) {
      throw new BadValue("--date: " + date + " is in the future; rates exist up to today (" + today + ")");
    }
    return date;
  }

  public static HttpUrl apiUrl(String text) {
    return FrankfurterApi.parseUrl(text.trim())
        .orElseThrow(() -> new BadValue("--api-url: '" + text + "' is not an http(s) URL, like " + FrankfurterApi.DEFAULT_URL));
  }

  /** The file {@code -o} names, or null for stdout (none given, or {@code -}). */
  public static Path output(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OutputTarget.check(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue("--output: " + e.getMessage());
    }
  }
}
