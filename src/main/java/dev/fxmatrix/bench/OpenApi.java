package dev.fxmatrix.bench;

import java.io.IOException;
import okhttp3.HttpUrl;

/** The API a benchmark talks to, started if it is the embedded one; closing stops it. */
final class OpenApi implements AutoCloseable {
  private final HttpUrl url;
  private final AutoCloseable server;

  private OpenApi(HttpUrl url, AutoCloseable server) {
    this.url = url;
    this.server = server;
  }

  static OpenApi open(ApiTarget target) throws IOException {
    return switch (target) {
      case ApiTarget.Remote remote -> new OpenApi(remote.url(), () -> {});
      case ApiTarget.Demo demo ->
          throw new IOException("--demo: the embedded API is not in this build yet; use --api-url");
    };
  }

  HttpUrl url() {
    return url;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (Exception e) {
      // Stopping an in-process server at the end of a run: nothing left to do about it.
    }
  }
}
