package dev.fxmatrix.demo;

import java.util.Locale;
import java.util.Map;

/**
 * One request as a dialect's routes see it: method, the raw path and query (still percent-encoded,
 * as the real services route on them), and the headers by lower-case name (first value).
 */
record ApiRequest(String method, String path, String rawQuery, Map<String, String> headers) {
  ApiRequest {
    headers = Map.copyOf(headers);
  }

  static ApiRequest get(String pathAndQuery) {
    int question = pathAndQuery.indexOf('?');
    return question < 0
        ? new ApiRequest("GET", pathAndQuery, null, Map.of())
        : new ApiRequest("GET", pathAndQuery.substring(0, question), pathAndQuery.substring(question + 1), Map.of());
  }

  /** The first value of a header, null when absent. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  boolean isGetOrHead() {
    return method.equals("GET") || method.equals("HEAD");
  }
}
