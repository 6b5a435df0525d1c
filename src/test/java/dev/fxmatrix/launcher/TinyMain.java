package dev.fxmatrix.launcher;

/**
 * The program inside the small jar that {@link LauncherArchiveTest} builds: prints each argument in
 * brackets on one line, so the test sees that arguments pass through the launcher unchanged.
 */
public final class TinyMain {
  private TinyMain() {}

  public static void main(String[] args) {
    StringBuilder line = new StringBuilder("tiny");
    for (String arg : args) {
      line.append(" [").append(arg).append(']');
    }
    System.out.println(line);
  }
}
