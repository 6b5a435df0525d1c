package dev.fxmatrix.output;

import java.math.BigDecimal;

/**
 * How csv and json write a rate: the shortest decimal that reads back as the same double as the
 * number the API sent. Exact, and the same whichever way a server spells a value: {@code 3.0e-06}
 * and {@code 0.000003} are both {@code 0.000003}, {@code 372274.0} and {@code 372274} both {@code
 * 372274}. Never in exponent form.
 */
public final class Decimals {
  private Decimals() {}

  public static BigDecimal shortest(BigDecimal sent) {
    // Double.toString gives the shortest decimal that round-trips (JDK 19+).
    BigDecimal shortest = new BigDecimal(Double.toString(sent.doubleValue())).stripTrailingZeros();
    return shortest.scale() < 0 ? shortest.setScale(0) : shortest;
  }
}
