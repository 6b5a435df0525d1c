package dev.fxmatrix.bench;

import dev.fxmatrix.os.Libc;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.IntSupplier;
import picocli.CommandLine;

/** What the benchmark needs to know about where it prints. */
public final class Terminal {
  private static final int MIN_WIDTH = 40;

  private Terminal() {}

  /**
   * Whether stderr, where the progress line goes, is a terminal: libc's {@code isatty(2)}, so that
   * {@code bench -f csv > file} still shows progress and {@code bench 2> log} writes none into the
   * log. Where that cannot be asked (JDK 21), the console's answer, which looks at stdin and
   * stdout instead and so errs on the quiet side when only stdout is redirected.
   */
  public static boolean stderrIsTerminal() {
    return Libc.isTerminal(2).orElseGet(Terminal::consoleIsTerminal);
  }

  /**
   * Since JDK 22 {@link System#console()} is non-null even when redirected, and only {@code
   * Console.isTerminal()} (JDK 22+, called reflectively as we compile for 21) tells; before that a
   * console exists only at a terminal.
   */
  private static boolean consoleIsTerminal() {
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

  /**
   * The width the charts may use: {@code COLUMNS} where it is exported, else {@code terminal}'s
   * answer ({@link #terminalColumns} in real runs), at least 40. Interactive shells keep {@code
   * COLUMNS} to themselves unless told to export it, so asking the terminal is the usual case.
   */
  public static int width(Map<String, String> env, IntSupplier terminal) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        return Math.max(MIN_WIDTH, Integer.parseInt(columns.trim()));
      } catch (NumberFormatException notANumber) {
        // ask the terminal instead
      }
    }
    return Math.max(MIN_WIDTH, terminal.getAsInt());
  }

  /**
   * The terminal's width as picocli detects it for its own help ({@code stty} or {@code tput}, only
   * at a terminal, at least 55), else 80.
   */
  public static int terminalColumns() {
    return new CommandLine.Model.UsageMessageSpec().autoWidth(true).width();
  }
}
