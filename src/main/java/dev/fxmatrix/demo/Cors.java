package dev.fxmatrix.demo;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Frankfurter's CORS: the rack-cors middleware configured with {@code origins "*"} and {@code
 * resource "*", headers: :any, methods: [:get, :options]} (lib/app.rb), as rack-cors 1.1 answers.
 *
 * <ul>
 *   <li>A request with an Origin gets {@code Access-Control-Allow-Origin: *}, the allowed methods,
 *       an empty expose list and a max age of 7200 s; one without gets none of them.
 *   <li>A preflight (OPTIONS with Origin and Access-Control-Request-Method) is answered 200 with an
 *       empty body before any route runs, echoing the requested headers; asking for a method other
 *       than GET or OPTIONS gets a bare 200.
 *   <li>Every other answer says {@code Vary: Origin}.
 * </ul>
 */
final class Cors {
  private static final Set<String> METHODS = Set.of("get", "options");

  private Cors() {}

  static ApiResponse around(ApiRequest request, Supplier<ApiResponse> route) {
    String origin = request.header("Origin");
    String requestedMethod = request.header("Access-Control-Request-Method");
    if (origin != null && request.method().equals("OPTIONS") && requestedMethod != null) {
      if (!METHODS.contains(requestedMethod.toLowerCase(Locale.ROOT))) {
        return ApiResponse.empty(200);
      }
      ApiResponse preflight = withCorsHeaders(ApiResponse.empty(200));
      String requestedHeaders = request.header("Access-Control-Request-Headers");
      return requestedHeaders == null ? preflight : preflight.with("Access-Control-Allow-Headers", requestedHeaders);
    }
    ApiResponse answer = route.get();
    if (origin != null) {
      answer = withCorsHeaders(answer);
    }
    String vary = answer.header("Vary");
    return answer.with("Vary", vary == null ? "Origin" : vary + ", Origin");
  }

  private static ApiResponse withCorsHeaders(ApiResponse answer) {
    return answer
        .with("Access-Control-Allow-Origin", "*")
        .with("Access-Control-Allow-Methods", "GET, OPTIONS")
        .with("Access-Control-Expose-Headers", "")
        .with("Access-Control-Max-Age", "7200");
  }
}
