package dev.fxmatrix.run;

import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * {@code --demo}: the embedded Frankfurter-compatible API on a free loopback port, for offline runs
 * and fair benchmarks. The client still talks to it over real HTTP.
 */
public final class DemoApi implements AutoCloseable {
  private final FxApiServer server;

  private DemoApi(FxApiServer server) {
    this.server = server;
  }

  /** Starts the API if {@code demo} asks for it; null otherwise (try-with-resources allows that). */
  public static DemoApi startIfAsked(RunOptions.DemoOptions demo) throws IOException {
    if (demo == null) {
      return null;
    }
    return new DemoApi(
        FxApiServer.start(ServerOptions.defaults().withPort(0).withLatency(demo.latency(), demo.jitter())));
  }

  public HttpUrl baseUrl() {
    return HttpUrl.get(server.baseUri());
  }

  /** Requests the API received, refused ones included. */
  public long requestCount() {
    return server.requestCount();
  }

  @Override
  public void close() {
    server.close(); // its thread is not a daemon: an open server would keep the JVM alive
  }
}
