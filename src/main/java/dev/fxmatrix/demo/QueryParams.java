package dev.fxmatrix.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The parameters of a raw query string; a repeated name keeps its last value, as in Rack. */
record QueryParams(Map<String, String> values) {
  QueryParams {
    values = Map.copyOf(values);
  }

  static QueryParams parse(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        values.put(decode(name), decode(value));
      }
    }
    return new QueryParams(values);
  }

  /** The value of the first of {@code names} that is present ({@code from} wins over {@code base}). */
  Optional<String> first(String... names) {
    for (String name : names) {
      String value = values.get(name);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%': take it literally rather than refuse the request
    }
  }
}
