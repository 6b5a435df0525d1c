package dev.fxmatrix.bench;

import java.io.PrintWriter;

/**
 * One status line on stderr, rewritten in place with a carriage return, at a terminal only: in a
 * log file or a pipe those rewrites would be clutter, so elsewhere it writes nothing at all.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean visible;
  private int shown; // length of the line on screen now

  Progress(PrintWriter err, boolean visible) {
    this.err = err;
    this.visible = visible;
  }

  void show(String text) {
    if (!visible) {
      return;
    }
    err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
    err.flush();
    shown = text.length();
  }

  /** Blanks the line, so what stderr says next starts on a clean line. */
  void clear() {
    if (!visible || shown == 0) {
      return;
    }
    err.print("\r" + " ".repeat(shown) + "\r");
    err.flush();
    shown = 0;
  }
}
