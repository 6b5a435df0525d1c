package dev.fxmatrix.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code bench --format}: a report for people, or one for scripts. */
public enum BenchFormat {
  TABLE,
  CSV,
  JSON;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BenchFormat> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName().equalsIgnoreCase(name)).findFirst();
  }

  public static String cliNames() {
    return Arrays.stream(values()).map(BenchFormat::cliName).collect(Collectors.joining(", "));
  }
}
