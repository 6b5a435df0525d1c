package dev.fxmatrix.api;

/**
 * Frankfurter v1's rounding bands, on the double, as its Ruby code rounds
 * ({@code lib/versions/v1/roundable.rb} of github.com/lineofflight/frankfurter): over 5000 to a
 * whole number ({@code Float#round}, a Ruby Integer), over 80 to 2 decimals, over 20 to 3, over 1
 * to 4, over 0.0001 to 5, else 6, each a {@code Float(format("%.Nf", x))}. The embedded API's
 * Frankfurter dialect and the ecb provider's cross rates both round through here, so both give
 * Frankfurter's cells digit for digit.
 */
public final class FrankfurterRounding {
  private FrankfurterRounding() {}

  /** Whether {@code value} falls in the band Frankfurter rounds to a whole number (a JSON integer). */
  public static boolean wholeNumber(double value) {
    return value > 5000;
  }

  /**
   * {@code value} rounded in its band.
   *
   * @throws RubyFloat.RubyError for NaN and infinities, as Ruby raises
   */
  public static double round(double value) {
    if (wholeNumber(value)) {
      return RubyFloat.roundToInteger(value);
    }
    int decimals;
    if (value > 80) {
      decimals = 2;
    } else if (value > 20) {
      decimals = 3;
    } else if (value > 1) {
      decimals = 4;
    } else if (value > 0.0001) {
      decimals = 5;
    } else {
      decimals = 6; // also NaN, which then fails as Float("NaN") does
    }
    return RubyFloat.formatFixed(value, decimals);
  }
}
