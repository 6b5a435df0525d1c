package dev.fxmatrix.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One ECB publication day: how many units of each quoted currency one euro buys.
 *
 * <p>{@code perEuro} holds only the currencies the ECB quoted that day (no {@code N/A}), keyed by ISO
 * code in alphabetical order, with the ECB's own digits. EUR is not a key: its rate is 1 by definition.
 */
public record EcbDay(LocalDate date, Map<String, BigDecimal> perEuro) {
  public static final String EUR = "EUR";

  public EcbDay {
    Objects.requireNonNull(date, "date");
    perEuro = Collections.unmodifiableSortedMap(new TreeMap<>(perEuro));
  }

  /** Units of {@code currency} per 1 EUR that day: 1 for EUR, empty when the ECB did not quote it. */
  public Optional<BigDecimal> rate(String currency) {
    return EUR.equals(currency) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(perEuro.get(currency));
  }

  /** Whether the currency can be used that day, as a base or a symbol. */
  public boolean quotes(String currency) {
    return EUR.equals(currency) || perEuro.containsKey(currency);
  }
}
