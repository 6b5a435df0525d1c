package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The steps every JSON adapter takes to read an answer strictly, and to send its GETs, written once. */
final class Answers {
  private Answers() {}

  /** A GET of {@code url} for a body of type {@code accept}, saying who asks. */
  static Request get(HttpUrl url, String userAgent, String accept) {
    return new Request.Builder().url(url).header("Accept", accept).header("User-Agent", userAgent).build();
  }

  /** {@code node} if it is a JSON object; else the answer is malformed, {@code expected} says what it should be. */
  static JsonNode object(JsonNode node, String expected) throws ApiException {
    if (node == null || !node.isObject()) {
      throw new ApiException("malformed response: " + expected);
    }
    return node;
  }

  /** The string field {@code name} of {@code object}; missing or another type: malformed. */
  static String text(JsonNode object, String name) throws ApiException {
    JsonNode value = object.get(name);
    if (value == null || !value.isTextual()) {
      throw new ApiException("malformed response: no \"" + name + "\"");
    }
    return value.asText();
  }

  /** Refuses an answer for another base than the one asked: its rates would be another row's. */
  static void sameBase(String asked, String answered) throws ApiException {
    if (!answered.equalsIgnoreCase(asked)) {
      throw new ApiException("malformed response: asked for base " + asked + ", got " + Json.printable(answered));
    }
  }

  /**
   * What an error body says, as {@code ": words"} for a report line, else "": a JSON {@code
   * message}, or the first line of a short plain-text body (a CDN's refusal); never an HTML page.
   */
  static String said(byte[] body) {
    Optional<String> message = Json.message(body);
    if (message.isPresent()) {
      return ": " + message.get();
    }
    String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
    int newline = text.indexOf('\n');
    String line = (newline < 0 ? text : text.substring(0, newline)).strip();
    if (line.isEmpty() || line.startsWith("<") || line.startsWith("{") || line.startsWith("[")) {
      return "";
    }
    return ": " + Json.printable(line);
  }

  /** Whether {@code url}'s path ends in the segment {@code last} ({@code /v2}, with or without a slash). */
  static boolean pathEndsWith(HttpUrl url, String last) {
    String path = url.encodedPath().toLowerCase(Locale.ROOT);
    return path.endsWith("/" + last) || path.endsWith("/" + last + "/");
  }
}
