package dev.fxmatrix.fetch;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** {@code --verbose}: one line per request with its status and time. */
final class RequestLog implements Interceptor {
  private final Consumer<String> log;

  RequestLog(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      String cache = response.cacheResponse() == null ? "" : ", " + HttpAttempts.source(response).words();
      log(request, response.code() + cache, start);
      return response;
    } catch (IOException e) {
      log(request, "failed: " + e, start);
      throw e;
    }
  }

  private void log(Request request, String status, long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    log.accept(
        String.format(
            "[%s] %s %s -> %s, %d ms",
            Thread.currentThread().getName(), request.method(), request.url(), status, millis));
  }
}
