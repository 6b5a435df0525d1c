package dev.fxmatrix.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import dev.fxmatrix.exit.FastExit;
import picocli.CommandLine;

/**
 * The entry point. {@code main} only wraps {@link #run}, which tests drive with the real command
 * line and two captured streams.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset("stdout.encoding")));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset("stderr.encoding")), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.out.flush();
    System.err.flush();
    FastExit.tryExit(code);
    System.exit(code);
  }

  /** Runs the command line {@code args}, writing data to {@code out} and everything else to {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = FxMatrixCommand.commandLine(out, err, args);
    return commandLine.execute(args);
  }

  private static Charset charset(String property) {
    String name = System.getProperty(property);
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }
}
