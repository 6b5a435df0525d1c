package dev.fxmatrix.bench;

import dev.fxmatrix.run.DemoApi;
import dev.fxmatrix.run.RunOptions;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;

/** The API a benchmark talks to, started if it is the embedded one; closing stops it. */
final class OpenApi implements AutoCloseable {
  private final HttpUrl url;
  private final DemoApi demo; // null for a remote API

  private OpenApi(HttpUrl url, DemoApi demo) {
    this.url = url;
    this.demo = demo;
  }

  static OpenApi open(ApiTarget target) throws IOException {
    return switch (target) {
      case ApiTarget.Remote remote -> new OpenApi(remote.url(), null);
      case ApiTarget.Demo demo -> {
        // Started as the main command's --demo starts it, but without jitter: see ApiTarget.Demo.
        DemoApi api = DemoApi.startIfAsked(new RunOptions.DemoOptions(demo.latency(), Duration.ZERO));
        yield new OpenApi(api.baseUrl(), api);
      }
    };
  }

  HttpUrl url() {
    return url;
  }

  @Override
  public void close() {
    if (demo != null) {
      demo.close();
    }
  }
}
