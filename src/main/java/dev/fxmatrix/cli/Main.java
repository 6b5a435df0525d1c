package dev.fxmatrix.cli;

import dev.fxmatrix.exit.FastExit;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.output.WatchedOutputStream;
import dev.fxmatrix.run.ExitCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The entry point. {@code main} only wraps {@link #run}, which tests drive with the real command
 * line and two captured streams.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    HttpClients.ownProcess();
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset("stderr.encoding")), true);
    WatchedOutputStream stdout = new WatchedOutputStream(new FileOutputStream(FileDescriptor.out), () -> readerLeft(err));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, charset("stdout.encoding")));
    int code = run(out, err, args);
    out.flush();
    // Checked here, after any command: PrintWriter swallows write errors, WatchedOutputStream keeps them.
    Optional<String> failure = stdout.failure();
    if (failure.isPresent()) {
      err.println("fxmatrix: cannot write to stdout: " + failure.get());
      code = code == ExitCode.OK ? ExitCode.FAILED : code;
    }
    err.flush();
    System.out.flush();
    System.err.flush();
    FastExit.tryExit(code);
    System.exit(code);
  }

  /**
   * stdout's reader has left ({@code | head -1}): it has what it wanted, so that is no failure,
   * and nothing more can reach it, so end now, quietly, as SIGPIPE would end a C program (Java
   * ignores SIGPIPE) but with status 0. Halt, not exit: shutdown hooks would report an interrupt;
   * and a run to stdout has no output file to finish.
   */
  private static void readerLeft(PrintWriter err) {
    err.flush();
    System.err.flush();
    FastExit.tryExit(ExitCode.OK);
    Runtime.getRuntime().halt(ExitCode.OK);
  }

  /** Runs the command line {@code args}, writing data to {@code out} and everything else to {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The one answer that needs no command line: picocli's model costs a short run ~80 ms.
      out.println(FxMatrixCommand.VersionProvider.line());
      out.flush();
      return ExitCode.OK;
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      Optional<HelpCache> cache = HelpCache.forThisRun();
      if (cache.isPresent()) {
        return cachedHelp(cache.get(), out, err, args);
      }
    }
    CommandLine commandLine = FxMatrixCommand.commandLine(out, err, args);
    return commandLine.execute(args);
  }

  /** The help from {@code cache}, else laid out by picocli and kept there. */
  private static int cachedHelp(HelpCache cache, PrintWriter out, PrintWriter err, String... args) {
    Optional<String> kept = cache.text();
    if (kept.isPresent()) {
      out.print(kept.get());
      out.flush();
      return ExitCode.OK;
    }
    StringWriter text = new StringWriter();
    int code = FxMatrixCommand.commandLine(new PrintWriter(text), err, args).execute(args);
    if (code == ExitCode.OK) {
      cache.keep(text.toString());
    }
    out.print(text);
    out.flush();
    return code;
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
