package dev.fxmatrix.fetch;

import java.io.IOException;
import java.io.PrintWriter;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** {@code --verbose}: one stderr line per request with its status and time. */
public final class RequestLog implements Interceptor {
  private final PrintWriter err;

  public RequestLog(PrintWriter err) {
    this.err = err;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log(request, String.valueOf(response.code()), start);
      return response;
    } catch (IOException e) {
      log(request, "failed: " + e, start);
      throw e;
    }
  }

  private void log(Request request, String status, long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    String line =
        String.format(
            "[%s] %s %s -> %s (%d ms)",
            Thread.currentThread().getName(), request.method(), request.url(), status, millis);
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
