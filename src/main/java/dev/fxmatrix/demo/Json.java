package dev.fxmatrix.demo;

import java.util.Collection;

/**
 * JSON text by hand, members in the order they are added: keeps Jackson's start-up cost off the
 * server, and numbers go out exactly as the caller wrote them ({@code 17188}, {@code 7.7e-05}).
 */
final class Json {
  private final StringBuilder text;
  private boolean empty = true;

  private Json(int capacity) {
    text = new StringBuilder(capacity).append('{');
  }

  /** A new object; add members, then {@link #toString()}. */
  static Json object() {
    return new Json(256);
  }

  /** A string member. */
  Json string(String name, String value) {
    name(name);
    quote(text, value);
    return this;
  }

  /** A member whose value is JSON text already: a number, true/false/null, an object, an array. */
  Json raw(String name, String json) {
    name(name);
    text.append(json);
    return this;
  }

  private void name(String name) {
    if (!empty) {
      text.append(',');
    }
    empty = false;
    quote(text, name);
    text.append(':');
  }

  @Override
  public String toString() {
    return text + "}";
  }

  /** {@code {"message":"..."}}, the shape of Frankfurter's errors. */
  static String message(String message) {
    return object().string("message", message).toString();
  }

  /** An array of JSON texts. */
  static String array(Collection<String> items) {
    return "[" + String.join(",", items) + "]";
  }

  /** A JSON string literal. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    quote(out, value);
    return out.toString();
  }

  private static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
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
