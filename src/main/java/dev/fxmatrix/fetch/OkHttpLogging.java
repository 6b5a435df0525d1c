package dev.fxmatrix.fetch;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OkHttp reports through java.util.logging (a cache entry it cannot read, a leaked response),
 * which prints stack traces to stderr: fxmatrix says what matters itself. Silenced where fxmatrix
 * first touches OkHttp (a client, the cache) rather than at start, so that {@code --version},
 * {@code --help} and a usage error never start java.util.logging (~7 ms).
 */
final class OkHttpLogging {
  /** Held, since a logger nobody references may be collected and lose its level. */
  private static final Logger OKHTTP = Logger.getLogger("okhttp3");

  static {
    OKHTTP.setLevel(Level.OFF);
  }

  private OkHttpLogging() {}

  /** Initialises this class, once. */
  static void silence() {}
}
