package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One ECB day's rates seen from any base: units of each currency per one unit of {@code base},
 * {@code ECB(Q) / ECB(B)}, with EUR at {@code 1 / ECB(B)} and the base itself at 1. Exact to 16
 * significant digits; each dialect rounds them its own way (Frankfurter v1 has its own pipeline, in
 * {@link FrankfurterV1Rates}).
 */
final class CrossRates {
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private CrossRates() {}

  /** Sorted by code; empty when the ECB did not quote the base that day. */
  static Optional<SortedMap<String, BigDecimal>> perUnit(EcbDay day, String base) {
    Optional<BigDecimal> basePerEuro = day.rate(base);
    if (basePerEuro.isEmpty()) {
      return Optional.empty();
    }
    SortedMap<String, BigDecimal> rates = new TreeMap<>();
    rates.put(EcbDay.EUR, BigDecimal.ONE.divide(basePerEuro.get(), PRECISION));
    day.perEuro().forEach((code, perEuro) -> rates.put(code, perEuro.divide(basePerEuro.get(), PRECISION)));
    rates.put(base, BigDecimal.ONE);
    return Optional.of(rates);
  }
}
