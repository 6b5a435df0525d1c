package dev.fxmatrix.run;

import java.io.PrintWriter;
import okhttp3.HttpUrl;

/** TEMPORARY until the embedded server lands. */
final class DemoApi implements AutoCloseable {
  static DemoApi startIfAsked(RunOptions.DemoOptions demo, PrintWriter err) {
    if (demo == null) {
      return null;
    }
    throw new UnsupportedOperationException("demo");
  }

  HttpUrl baseUrl() {
    return null;
  }

  @Override
  public void close() {}
}
