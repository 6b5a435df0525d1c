package dev.fxmatrix.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the demo API, before it is written: status, headers, JSON body ("" for none). */
record ApiResponse(int status, Map<String, String> headers, String body) {
  static final String JSON = "application/json; charset=utf-8";
  // Frankfurter's: answers may be cached for a day, errors never.
  static final String CACHE_PUBLIC = "public, max-age=86400";
  static final String NO_STORE = "no-store";

  ApiResponse {
    headers = Map.copyOf(headers);
  }

  static ApiResponse ok(String json, String etag) {
    return new ApiResponse(
        200, Map.of("Content-Type", JSON, "Cache-Control", CACHE_PUBLIC, "ETag", etag), json);
  }

  static ApiResponse notModified(String etag) {
    return new ApiResponse(304, Map.of("Cache-Control", CACHE_PUBLIC, "ETag", etag), "");
  }

  static ApiResponse error(int status, String message) {
    return error(status, message, Map.of());
  }

  static ApiResponse error(int status, String message, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", JSON);
    headers.put("Cache-Control", NO_STORE);
    return new ApiResponse(status, headers, Json.message(message));
  }

  static ApiResponse notFound() {
    return error(404, "not found");
  }

  static ApiResponse tooManyRequests() {
    return error(429, "too many requests", Map.of("Retry-After", "1"));
  }

  static ApiResponse internalError() {
    return error(500, "internal error");
  }
}
