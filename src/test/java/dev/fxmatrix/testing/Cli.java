package dev.fxmatrix.testing;

import dev.fxmatrix.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and keeps both streams apart, as a shell would. */
public record Cli(int exitCode, String out, String err) {
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString(), err.toString());
  }
}
