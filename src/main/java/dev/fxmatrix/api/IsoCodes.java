package dev.fxmatrix.api;

import java.util.Currency;
import java.util.Locale;

/**
 * ISO 4217 currency codes as the JDK knows them: to tell a currency from the crypto tokens and junk
 * keys some APIs mix in, and to name currencies for APIs that give only codes.
 */
final class IsoCodes {
  private IsoCodes() {}

  /**
   * Whether {@code code} (upper case) is an ISO 4217 code. Asked code by code: the set of all
   * currencies costs a short run ~3 ms before its first request.
   */
  static boolean isCode(String code) {
    if (code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The currency's English name ({@code US Dollar}), or the code itself for one the JDK does not know. */
  static String englishName(String code) {
    return isCode(code) ? Currency.getInstance(code).getDisplayName(Locale.ENGLISH) : code;
  }
}
