package dev.fxmatrix.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs fxmatrix in a child JVM (the test's own Java and class path), for what needs a real process. */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(Path stdout, Path stderr, String... args) throws IOException {
    return start(List.of(), stdout, stderr, args);
  }

  /** The same, with options for the child's JVM. */
  public static Process start(List<String> jvmOptions, Path stdout, Path stderr, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.fxmatrix.cli.Main");
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  public static void interrupt(Process process) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  /**
   * Whether this process ignores SIGINT (a test run started in the background of a script does):
   * children inherit that, and a JVM that starts with SIGINT ignored keeps ignoring it.
   */
  public static boolean sigintIgnoredHere() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }
}
