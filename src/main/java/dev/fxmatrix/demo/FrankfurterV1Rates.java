package dev.fxmatrix.demo;

import dev.fxmatrix.api.FrankfurterRounding;
import dev.fxmatrix.api.RubyFloat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * The {@code rates} of Frankfurter v1's answers, computed the way its Ruby code computes them, in
 * doubles (reimplemented from {@code lib/versions/v1/quote/base.rb} and {@code
 * lib/versions/v1/roundable.rb} of github.com/lineofflight/frankfurter):
 *
 * <ol>
 *   <li>every ECB rate of a day (units per euro, as a double) times the amount, and,
 *       unless the base is EUR and the amount 1, rounded in bands: over 5000 to a whole number (a
 *       Ruby Integer, written without ".0"), over 80 to 2 decimals, over 20 to 3, over 1 to 4, over
 *       0.0001 to 5, else 6 — each a {@code Float(format("%.Nf", x))};
 *   <li>for another base: EUR joins with the amount itself (unrounded), the base's own rounded rate
 *       is taken out as the divisor, and every rate becomes {@code round(amount * rate / divisor)},
 *       in code order.
 * </ol>
 *
 * The first step runs over every day before the second starts, as in Ruby, so a time series that
 * fails fails with the same message.
 */
final class FrankfurterV1Rates {
  /** One number of an answer: a Ruby Float, or a Ruby Integer (the band over 5000) held exactly in a double. */
  record Value(double number, boolean integer) {
    /** As Frankfurter's JSON has it: {@code 17188}, {@code 1.0}, {@code 7.7e-05}, {@code 11744.0}. */
    String json() {
      return integer ? RubyFloat.integerText(number) : RubyFloat.ojText(number);
    }
  }

  private FrankfurterV1Rates() {}

  /**
   * The rates by day for {@code base} (upper case, as given), {@code symbols} (null for all) and
   * {@code amount}; a day the base or every symbol is missing from is left out, so an empty map is
   * Frankfurter's 404.
   *
   * @throws RubyFloat.RubyError where Ruby raises (an amount so large or small that a rate turns
   *     infinite or NaN)
   */
  static SequencedMap<LocalDate, Map<String, Value>> of(
      List<EcbDay> days, String base, List<String> symbols, double amount) {
    boolean mustRebase = !base.equals(EcbDay.EUR);
    boolean shouldRound = amount != 1.0 || mustRebase;
    SequencedMap<LocalDate, Map<String, Value>> result = new LinkedHashMap<>();
    for (EcbDay day : days) {
      Map<String, Value> rates = new LinkedHashMap<>();
      day.perEuro()
          .forEach(
              (quote, perEuro) -> {
                if (symbols == null || symbols.contains(quote) || quote.equals(base)) {
                  double value = amount * perEuro.doubleValue();
                  rates.put(quote, shouldRound ? round(value) : new Value(value, false));
                }
              });
      if (!rates.isEmpty()) {
        result.put(day.date(), rates);
      }
    }
    if (mustRebase) {
      for (LocalDate date : new ArrayList<>(result.keySet())) {
        Map<String, Value> rates = result.get(date);
        if (symbols == null || symbols.contains(EcbDay.EUR)) {
          rates.put(EcbDay.EUR, new Value(amount, false));
        }
        Value divisor = rates.remove(base);
        if (divisor == null || rates.isEmpty()) {
          result.remove(date);
          continue;
        }
        Map<String, Value> rebased = new LinkedHashMap<>();
        new TreeMap<>(rates).forEach((quote, rate) -> rebased.put(quote, round(amount * rate.number() / divisor.number())));
        result.put(date, rebased);
      }
    }
    return result;
  }

  /** Frankfurter's rounding bands (see {@link FrankfurterRounding}), keeping whether the result is a Ruby Integer. */
  static Value round(double value) {
    return new Value(FrankfurterRounding.round(value), FrankfurterRounding.wholeNumber(value));
  }
}
