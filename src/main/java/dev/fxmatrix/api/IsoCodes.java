package dev.fxmatrix.api;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ISO 4217 currency codes as the JDK knows them: to tell a currency from the crypto tokens and junk
 * keys some APIs mix in, and to name currencies for APIs that give only codes.
 */
final class IsoCodes {
  private IsoCodes() {}

  /** Loaded on first use: only the providers that need it pay for the JDK's currency data. */
  private static final class Known {
    static final Set<String> CODES =
        Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code code} (upper case) is an ISO 4217 code. */
  static boolean isCode(String code) {
    return code.length() == 3 && Known.CODES.contains(code);
  }

  /** The currency's English name ({@code US Dollar}), or the code itself for one the JDK does not know. */
  static String englishName(String code) {
    return isCode(code) ? Currency.getInstance(code).getDisplayName(Locale.ENGLISH) : code;
  }
}
