package dev.fxmatrix.testing;

import java.io.IOException;
import java.io.OutputStream;
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

  /**
   * The same, with options for the child's JVM. Where GNU env can, the child gets SIGINT's default
   * action back: a test run started in the background of a script ignores SIGINT, children inherit
   * that, and a JVM started with SIGINT ignored keeps ignoring it.
   */
  public static Process start(List<String> jvmOptions, Path stdout, Path stderr, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(sigintAsDefault());
    command.add(javaCommand());
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

  /** The java binary running the tests. */
  public static String javaCommand() {
    return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
  }

  /** {@code env --default-signal=INT} where GNU env has it (env then execs: the pid stays the child's). */
  public static List<String> sigintAsDefault() throws IOException {
    try {
      Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
      probe.getInputStream().transferTo(OutputStream.nullOutputStream());
      return probe.waitFor() == 0 ? List.of("env", "--default-signal=INT") : List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Sends signal {@code name} (INT, as Ctrl-C in a terminal does; KILL; ...) to process {@code pid}. */
  public static void signal(String name, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " " + pid + " failed");
    }
  }

  /** Whether process {@code pid} ignores SIGINT (per /proc; false where there is none). */
  public static boolean ignoresSigint(long pid) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
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
