package dev.fxmatrix.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * ISO number, English name and symbol of every currency in the bundled ECB file, as the Ruby money
 * gem has them (Frankfurter's names: "Chinese Renminbi Yuan", "Polish Złoty"), from {@code
 * currencies.tsv}.
 */
final class CurrencyTable {
  /** One currency; {@code numeric} and {@code symbol} are "" where the gem has none (CYP, ROL...). */
  record Currency(String code, String numeric, String name, String symbol) {}

  private static final class Loaded {
    static final Map<String, Currency> BY_CODE = load();
  }

  private CurrencyTable() {}

  /** The currency, or one named by its code when the table lacks it. */
  static Currency of(String code) {
    return Loaded.BY_CODE.getOrDefault(code, new Currency(code, "", code, ""));
  }

  /** The English name, or the code itself for a currency not in the table. */
  static String name(String code) {
    return of(code).name();
  }

  private static Map<String, Currency> load() {
    Map<String, Currency> currencies = new TreeMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(CurrencyTable.class.getResourceAsStream("currencies.tsv"), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] fields = line.split("\t", -1);
          currencies.put(fields[0], new Currency(fields[0], fields[1], fields[2], fields[3]));
        }
      }
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("cannot read currencies.tsv from the jar", e));
    }
    return currencies;
  }
}
