package dev.fxmatrix.cli;

import dev.fxmatrix.run.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Bad usage, said one way by every command: one line, {@code fxmatrix: OPTION: PROBLEM (see
 * fxmatrix [SUBCOMMAND] --help)}, naming the option, the value and what is allowed; exit code 2,
 * before anything is sent.
 */
final class UsageError {
  private UsageError() {}

  /** A rule between options broken ({@code --burst} without {@code --rate}, ...), to throw. */
  static ParameterException of(CommandSpec spec, String option, String problem) {
    return new ParameterException(spec.commandLine(), option + ": " + problem);
  }

  /** picocli's parameter-exception handler: the line, and the exit code. */
  static int report(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("fxmatrix: " + message(e) + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
    err.flush();
    return ExitCode.USAGE;
  }

  /** picocli's own words for a converter's refusal, {@code Invalid value for option '--rate' (R): ...}, made ours. */
  private static String message(ParameterException e) {
    if (e.getCause() instanceof TypeConversionException refusal && e.getArgSpec() instanceof OptionSpec option) {
      return option.longestName() + ": " + refusal.getMessage();
    }
    String message = e.getMessage();
    if (message.startsWith("Missing required parameter for option '") && e.getArgSpec() instanceof OptionSpec option) {
      return option.longestName() + ": needs a value (" + option.paramLabel() + ")";
    }
    return message;
  }
}
