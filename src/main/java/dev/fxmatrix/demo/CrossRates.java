package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code rates} of a Frankfurter v1 answer, computed from one ECB day the way Frankfurter does.
 *
 * <ul>
 *   <li>EUR base, amount 1: the ECB's digits, untouched.
 *   <li>Any other base (or amount): every ECB rate times the amount is first rounded in
 *       {@link RateRounding} bands, then divided by the base's (so rounded) rate, then rounded again.
 *       The first rounding is Frankfurter's, not ours: it shows in its answers (AUD base on 2025-01-31
 *       gives INR 53.88 from the rounded 89.99, where 89.9945/1.6702 would give 53.882).
 *   <li>EUR appears among the rates of a non-EUR base; the base itself never does.
 * </ul>
 */
final class CrossRates {
  // Far beyond the six decimals kept, so rounding the quotient once more cannot be thrown off.
  private static final MathContext DIVISION = MathContext.DECIMAL128;

  private CrossRates() {}

  /**
   * Rates of {@code base} on {@code day}, sorted by code, limited to {@code symbols} (null = all).
   * Empty when the base is not quoted that day or no wanted symbol is (Frankfurter's 404).
   *
   * @throws ArithmeticException when the amount is so small that the base's rounded rate is zero
   */
  static Optional<SortedMap<String, BigDecimal>> of(
      EcbDay day, String base, Set<String> symbols, BigDecimal amount) {
    boolean scaled = amount.compareTo(BigDecimal.ONE) != 0;
    SortedMap<String, BigDecimal> rates = new TreeMap<>();
    if (base.equals(EcbDay.EUR)) {
      day.perEuro()
          .forEach(
              (code, perEuro) -> {
                if (symbols == null || symbols.contains(code)) {
                  rates.put(code, scaled ? RateRounding.round(amount.multiply(perEuro)) : perEuro);
                }
              });
    } else {
      BigDecimal basePerEuro = day.perEuro().get(base);
      if (basePerEuro == null) {
        return Optional.empty();
      }
      BigDecimal divisor = RateRounding.round(amount.multiply(basePerEuro));
      if (divisor.signum() == 0) {
        throw new ArithmeticException("amount too small for " + base);
      }
      day.perEuro()
          .forEach(
              (code, perEuro) -> {
                if (!code.equals(base) && (symbols == null || symbols.contains(code))) {
                  BigDecimal rounded = RateRounding.round(amount.multiply(perEuro));
                  rates.put(code, cross(amount, rounded, divisor));
                }
              });
      if (symbols == null || symbols.contains(EcbDay.EUR)) {
        rates.put(EcbDay.EUR, cross(amount, amount, divisor));
      }
    }
    return rates.isEmpty() ? Optional.empty() : Optional.of(rates);
  }

  private static BigDecimal cross(BigDecimal amount, BigDecimal quote, BigDecimal divisor) {
    return RateRounding.round(amount.multiply(quote).divide(divisor, DIVISION));
  }
}
