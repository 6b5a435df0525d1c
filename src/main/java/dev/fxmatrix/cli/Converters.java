package dev.fxmatrix.cli;

import dev.fxmatrix.output.OutputFormat;
import dev.fxmatrix.output.OutputTarget;
import dev.fxmatrix.strategy.Strategy;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.fxmatrix.api.Providers;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for every option value that is more than a string: each refuses bad text with
 * a message naming the value and what is allowed, which picocli reports for the option it was given
 * to (see {@link UsageError}). Pure functions: nothing here touches the network, so bad input is
 * refused before anything is sent.
 */
final class Converters {
  private Converters() {}

  /** A comma-separated list of currency codes, upper-cased, each once, in the order given. */
  record Codes(List<String> codes) {
    Codes {
      codes = List.copyOf(codes);
    }

    static Codes parse(String text) {
      if (text.isBlank()) {
        throw new TypeConversionException("no codes given; give comma-separated three-letter codes, like USD,EUR");
      }
      List<String> codes = new ArrayList<>();
      for (String item : text.split(",", -1)) {
        String code = item.strip();
        if (code.isEmpty()) {
          throw new TypeConversionException("'" + text + "' has an empty item: give codes like USD,EUR");
        }
        if (code.length() != 3 || !code.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
          throw new TypeConversionException("'" + code + "' is not a currency code: use three letters, like USD");
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (codes.contains(upper)) {
          throw new TypeConversionException("'" + text + "' lists " + upper + " twice: give each code once");
        }
        codes.add(upper);
      }
      return new Codes(codes);
    }

    @Override
    public String toString() {
      return String.join(",", codes);
    }
  }

  static final class CodesConverter implements ITypeConverter<Codes> {
    @Override
    public Codes convert(String text) {
      return Codes.parse(text);
    }
  }

  static final class StrategyConverter implements ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String text) {
      return Strategy.byName(text.strip())
          .orElseThrow(() -> new TypeConversionException("'" + text + "' is not a strategy; choose one of " + Strategy.names()));
    }
  }

  /** {@code pool,virtual}: strategies in the order given, each once. */
  static final class StrategiesConverter implements ITypeConverter<List<Strategy>> {
    @Override
    public List<Strategy> convert(String text) {
      List<Strategy> list = new ArrayList<>();
      for (String item : text.split(",", -1)) {
        Strategy strategy = new StrategyConverter().convert(item);
        if (list.contains(strategy)) {
          throw new TypeConversionException("'" + text + "' lists " + strategy.cliName() + " twice");
        }
        list.add(strategy);
      }
      return List.copyOf(list);
    }
  }

  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String text) {
      return byName(OutputFormat.values(), OutputFormat::cliName, text);
    }
  }

  /** Requests per second: a number above 0, fractions allowed. */
  static final class RateConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      try {
        double rate = Double.parseDouble(text.strip());
        if (rate > 0 && Double.isFinite(rate)) {
          return rate;
        }
      } catch (NumberFormatException e) {
        // the message below says what is allowed
      }
      throw new TypeConversionException(
          "'" + text + "' is not a number of requests per second above 0, like 10 or 0.5");
    }
  }

  static final class AtLeastOne implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return atLeast(text, 1);
    }
  }

  static final class AtLeastZero implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return atLeast(text, 0);
    }
  }

  /** A day in the form YYYY-MM-DD, not in the future (there are no rates for it yet). */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String text) {
      LocalDate date = parseDate(text.strip())
          .orElseThrow(() -> new TypeConversionException(
              "'" + text + "' is not a real date in the form YYYY-MM-DD, like 2019-04-09"));
      // The local date only near today: the zone's rules cost a short run ~6 ms to load, and no
      // zone is a whole day off UTC's date.
      if (date.isBefore(LocalDate.now(ZoneOffset.UTC).minusDays(1))) {
        return date;
      }
      LocalDate today = LocalDate.now();
      if (date.isAfter(today)) {
        throw new TypeConversionException(date + " is in the future; rates exist up to today (" + today + ")");
      }
      return date;
    }
  }

  /** {@code frankfurter,ecb}: providers in the order given, each once. */
  static final class ProvidersConverter implements ITypeConverter<List<String>> {
    @Override
    public List<String> convert(String text) {
      List<String> names = new ArrayList<>();
      for (String item : text.split(",", -1)) {
        String name = item.strip().toLowerCase(Locale.ROOT);
        if (!Providers.NAMES.contains(name)) {
          throw new TypeConversionException("'" + item.strip() + "' is not a provider; choose from " + String.join(", ", Providers.NAMES));
        }
        if (names.contains(name)) {
          throw new TypeConversionException("'" + text + "' lists " + name + " twice");
        }
        names.add(name);
      }
      return List.copyOf(names);
    }
  }

  /** One {@code --api-url}: {@code NAME=URL}, or a bare URL for the first provider ({@code provider} null). */
  record ApiUrl(String provider, String url) {
    @Override
    public String toString() {
      return provider == null ? url : provider + "=" + url;
    }
  }

  static final class ApiUrlConverter implements ITypeConverter<ApiUrl> {
    @Override
    public ApiUrl convert(String text) {
      String value = text.strip();
      int equals = value.indexOf('=');
      String provider = null;
      // "name=" before any "://" names a provider; an '=' in a query string does not.
      if (equals > 0 && (value.indexOf("://") < 0 || equals < value.indexOf("://"))) {
        provider = value.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        value = value.substring(equals + 1).strip();
        if (!Providers.NAMES.contains(provider)) {
          throw new TypeConversionException("'" + text + "' names no provider; give NAME=URL with NAME one of " + String.join(", ", Providers.NAMES));
        }
      }
      String problem = Providers.checkUrl(provider, value);
      if (problem != null) {
        throw new TypeConversionException("'" + text + "': " + problem);
      }
      return new ApiUrl(provider, value);
    }
  }

  /** An age: a duration, or {@code any}. */
  static final class AgeConverter implements ITypeConverter<java.time.Duration> {
    /** "Any age": longer than any cache entry can be. */
    static final java.time.Duration ANY = java.time.Duration.ofDays(365L * 1000);

    @Override
    public java.time.Duration convert(String text) {
      return text.strip().equalsIgnoreCase("any") ? ANY : new PositiveDuration().convert(text);
    }
  }

  /** A duration above zero. */
  static final class PositiveDuration implements ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String text) {
      java.time.Duration duration = DurationConverter.parse(text);
      if (duration.isZero()) {
        throw new TypeConversionException("'" + text + "' is no time at all; give a duration above 0, like 500ms or 10s");
      }
      return duration;
    }
  }

  /**
   * An output file, checked before anything is sent (see {@link OutputTarget#check}); null for
   * {@code -}, stdout. A converter rather than picocli's Path: that would drop a trailing slash.
   */
  static final class OutputConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      try {
        return OutputTarget.check(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static int atLeast(String text, int minimum) {
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number of " + minimum + " or more");
    }
    if (value < minimum) {
      throw new TypeConversionException(value + " is too few: give " + minimum + " or more");
    }
    return value;
  }

  /** The value of {@code values} whose name is {@code text}, ignoring case. */
  static <T> T byName(T[] values, Function<T, String> name, String text) {
    return Arrays.stream(values)
        .filter(v -> name.apply(v).equalsIgnoreCase(text.strip()))
        .findFirst()
        .orElseThrow(() -> new TypeConversionException(
            "'" + text + "' is not one of " + Arrays.stream(values).map(name).collect(Collectors.joining(", "))));
  }

  /** YYYY-MM-DD by hand: {@code LocalDate.parse}'s formatter costs a short run ~3 ms. */
  static Optional<LocalDate> parseDate(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(
          Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10)));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }
}
