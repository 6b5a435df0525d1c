package dev.fxmatrix.demo;

/**
 * One provider's API over the ECB history, as a plain function from request to response: no HTTP,
 * no delays or injected faults ({@link FxApiServer} adds those).
 */
sealed interface DialectRoutes permits FrankfurterV1, FrankfurterV2, OpenErApi, CurrencyApi, EcbFiles {
  ApiResponse answer(ApiRequest request);

  /** What the provider answers when it refuses a request for its rate limit. */
  default ApiResponse tooManyRequests() {
    return ApiResponse.of(429, ApiResponse.JSON, Json.message("too many requests"))
        .with("Cache-Control", ApiResponse.NO_STORE)
        .with("Retry-After", "1");
  }

  /** What the provider answers when it fails. */
  default ApiResponse internalError() {
    return ApiResponse.of(500, ApiResponse.JSON, Json.message("internal error")).with("Cache-Control", ApiResponse.NO_STORE);
  }
}
