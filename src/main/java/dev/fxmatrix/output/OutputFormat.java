package dev.fxmatrix.output;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The CLI's {@code --format} values and the writer each one opens. */
public enum OutputFormat {
  TABLE,
  GRID,
  CSV,
  JSON;

  /** The name used on the command line, e.g. {@code table}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the output itself carries the rates' date. When it does not (table, csv: their lines
   * must stay exactly rows), the CLI prints the date on stderr instead.
   */
  public boolean showsDate() {
    return switch (this) {
      case GRID, JSON -> true;
      case TABLE, CSV -> false;
    };
  }

  /** A writer rendering {@code spec} to {@code out} in this format; it never closes {@code out}. */
  public MatrixWriter open(PrintWriter out, MatrixSpec spec) {
    return switch (this) {
      case TABLE -> new TableWriter(out, spec);
      case GRID -> new GridWriter(out, spec);
      case CSV -> new CsvWriter(out, spec);
      case JSON -> new JsonWriter(out, spec);
    };
  }

  /** The format whose {@link #cliName()} is {@code name} (case-insensitive). */
  public static OutputFormat fromCliName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.cliName().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format '" + name + "', expected one of " + cliNames()));
  }

  /** All CLI names, comma-separated, for help and error messages. */
  public static String cliNames() {
    return Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", "));
  }
}
