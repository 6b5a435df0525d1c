package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * The few JSON shapes the demo API writes, by hand: keeps Jackson's start-up cost off the server and
 * prints numbers exactly as the {@link BigDecimal}s say ({@code 17188}, {@code 0.85587}, {@code 1.0}).
 */
final class Json {
  private Json() {}

  static String message(String message) {
    StringBuilder json = new StringBuilder(40).append("{\"message\":");
    string(json, message);
    return json.append('}').toString();
  }

  static String quote(BigDecimal amount, String base, LocalDate date, SortedMap<String, BigDecimal> rates) {
    StringBuilder json = new StringBuilder(64 + rates.size() * 20);
    json.append("{\"amount\":").append(amount.toPlainString()).append(",\"base\":");
    string(json, base);
    json.append(",\"date\":\"").append(date).append("\",\"rates\":{");
    String separator = "";
    for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
      json.append(separator);
      string(json, rate.getKey());
      json.append(':').append(rate.getValue().toPlainString());
      separator = ",";
    }
    return json.append("}}").toString();
  }

  static String names(SortedMap<String, String> namesByCode) {
    StringBuilder json = new StringBuilder(namesByCode.size() * 32).append('{');
    String separator = "";
    for (Map.Entry<String, String> name : namesByCode.entrySet()) {
      json.append(separator);
      string(json, name.getKey());
      json.append(':');
      string(json, name.getValue());
      separator = ",";
    }
    return json.append('}').toString();
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
