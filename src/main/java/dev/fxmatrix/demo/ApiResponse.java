package dev.fxmatrix.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer before it is written: status, headers in order, body ("" for none). */
record ApiResponse(int status, Map<String, String> headers, String body) {
  static final String JSON = "application/json";
  static final String JSON_UTF8 = "application/json; charset=utf-8";
  static final String NO_STORE = "no-store";

  ApiResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  static ApiResponse of(int status, String contentType, String body) {
    return new ApiResponse(status, Map.of("Content-Type", contentType), body);
  }

  static ApiResponse empty(int status) {
    return new ApiResponse(status, Map.of(), "");
  }

  /** A JSON error the way Frankfurter's app answers one: {@code {"status":N,"message":"..."}}, never cached. */
  static ApiResponse error(int status, String message) {
    String body = Json.object().raw("status", String.valueOf(status)).string("message", message).toString();
    return of(status, JSON, body).with("Cache-Control", NO_STORE);
  }

  /** This response with a header set (replacing one of the same name, any case). */
  ApiResponse with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    copy.put(name, value);
    return new ApiResponse(status, copy, body);
  }

  ApiResponse without(String name) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    return new ApiResponse(status, copy, body);
  }

  /** A header's value, any case of its name; null when absent. */
  String header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
