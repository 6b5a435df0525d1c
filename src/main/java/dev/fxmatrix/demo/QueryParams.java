package dev.fxmatrix.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of a raw query string as Rack 3 reads them (Frankfurter's): pairs split at "&" and
 * the blanks after it, "+" and %XX decoded, a repeated name keeps its last value, a name without "="
 * has no value (null) and counts as absent.
 */
record QueryParams(Map<String, String> values) {
  private static final Pattern SEPARATOR = Pattern.compile("& *");

  QueryParams {
    values = Collections.unmodifiableMap(new HashMap<>(values)); // null values allowed
  }

  /**
   * @throws IllegalArgumentException for a "%" not followed by two hex digits, with Rack's message
   */
  static QueryParams parse(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : SEPARATOR.split(rawQuery)) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        values.put(name, equals < 0 ? null : decode(pair.substring(equals + 1)));
      }
    }
    return new QueryParams(values);
  }

  /** The value of the first of {@code names} that has one ({@code from} wins over {@code base}). */
  Optional<String> first(String... names) {
    for (String name : names) {
      String value = values.get(name);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Names present, with or without a value. */
  Set<String> names() {
    return values.keySet();
  }

  static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
        int low = high >= 0 ? hex(text.charAt(i + 2)) : -1;
        if (low < 0) {
          throw new IllegalArgumentException("invalid %-encoding (" + text + ")");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
