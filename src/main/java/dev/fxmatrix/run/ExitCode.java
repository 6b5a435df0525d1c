package dev.fxmatrix.run;

/** The exit codes fxmatrix promises to scripts (README, {@code --help}). */
public final class ExitCode {
  /** Every row was fetched (and written, with {@code --output}). */
  public static final int OK = 0;

  /** One or more bases failed, or the output file could not be written. */
  public static final int FAILED = 1;

  /** Bad usage: nothing was sent. */
  public static final int USAGE = 2;

  /** Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
