package dev.fxmatrix.api;

import java.util.Currency;
import java.util.Locale;

/**
 * ISO 4217 currency codes as the JDK knows them: to tell a currency from the crypto tokens and junk
 * keys some APIs mix in, and to name currencies for APIs that give only codes.
 */
final class IsoCodes {
  private IsoCodes() {}

  /** Whether {@code code} (upper case) is an ISO 4217 code. */
  static boolean isCode(String code) {
    return currency(code) != null;
  }

  /** The currency's English name ({@code US Dollar}), or the code itself for one the JDK does not know. */
  static String englishName(String code) {
    Currency currency = currency(code);
    return currency == null ? code : currency.getDisplayName(Locale.ENGLISH);
  }

  /**
   * The JDK's currency of {@code code}, or null. Asked code by code: the set of all currencies
   * costs a short run ~3 ms before its first request.
   */
  private static Currency currency(String code) {
    if (code.length() != 3) {
      return null;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
