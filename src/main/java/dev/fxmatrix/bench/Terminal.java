package dev.fxmatrix.bench;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** What the benchmark needs to know about where it prints. */
final class Terminal {
  static final int DEFAULT_WIDTH = 80;
  private static final int MIN_WIDTH = 40;

  private Terminal() {}

  /**
   * Whether a progress line may be drawn, i.e. whether we are at a terminal. Since JDK 22 {@link
   * System#console()} is non-null even when redirected, and only {@code Console.isTerminal()} (JDK
   * 22+, called reflectively as we compile for 21) tells; before that a console exists only at a
   * terminal. Both look at stdin and stdout, not stderr: {@code bench --format csv > file} draws no
   * progress even though stderr is still the terminal, which errs on the quiet side.
   */
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException jdk21) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The width the charts may use: {@code COLUMNS} (which shells set), else 80. */
  static int width(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        return Math.max(MIN_WIDTH, Integer.parseInt(columns.trim()));
      } catch (NumberFormatException notANumber) {
        // fall through to the default
      }
    }
    return DEFAULT_WIDTH;
  }
}
