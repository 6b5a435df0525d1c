package dev.fxmatrix.demo;

import java.util.Map;

/**
 * English currency names as Frankfurter's {@code /currencies} gives them (the Ruby money gem's names,
 * e.g. "Chinese Renminbi Yuan", "Polish Złoty"): the 30 currencies the ECB quotes in 2026, plus a few
 * it quoted until recently.
 */
final class CurrencyNames {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("AUD", "Australian Dollar"),
          Map.entry("BGN", "Bulgarian Lev"),
          Map.entry("BRL", "Brazilian Real"),
          Map.entry("CAD", "Canadian Dollar"),
          Map.entry("CHF", "Swiss Franc"),
          Map.entry("CNY", "Chinese Renminbi Yuan"),
          Map.entry("CZK", "Czech Koruna"),
          Map.entry("DKK", "Danish Krone"),
          Map.entry("EUR", "Euro"),
          Map.entry("GBP", "British Pound"),
          Map.entry("HKD", "Hong Kong Dollar"),
          Map.entry("HRK", "Croatian Kuna"),
          Map.entry("HUF", "Hungarian Forint"),
          Map.entry("IDR", "Indonesian Rupiah"),
          Map.entry("ILS", "Israeli New Sheqel"),
          Map.entry("INR", "Indian Rupee"),
          Map.entry("ISK", "Icelandic Króna"),
          Map.entry("JPY", "Japanese Yen"),
          Map.entry("KRW", "South Korean Won"),
          Map.entry("MXN", "Mexican Peso"),
          Map.entry("MYR", "Malaysian Ringgit"),
          Map.entry("NOK", "Norwegian Krone"),
          Map.entry("NZD", "New Zealand Dollar"),
          Map.entry("PHP", "Philippine Peso"),
          Map.entry("PLN", "Polish Złoty"),
          Map.entry("RON", "Romanian Leu"),
          Map.entry("RUB", "Russian Ruble"),
          Map.entry("SEK", "Swedish Krona"),
          Map.entry("SGD", "Singapore Dollar"),
          Map.entry("THB", "Thai Baht"),
          Map.entry("TRY", "Turkish Lira"),
          Map.entry("USD", "United States Dollar"),
          Map.entry("ZAR", "South African Rand"));

  private CurrencyNames() {}

  /** The English name, or the code itself for a currency not in the table. */
  static String of(String code) {
    return NAMES.getOrDefault(code, code);
  }
}
