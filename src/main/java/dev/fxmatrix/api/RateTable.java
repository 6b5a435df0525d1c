package dev.fxmatrix.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One API answer: the rates of one base currency on the date the API actually used, and which
 * provider gave them.
 *
 * <p>Rates are kept as {@link BigDecimal} so CSV and JSON can repeat the API's digits exactly; the
 * base itself is never among {@code rates} (the API leaves it out), {@link #rate} adds it as 1.
 *
 * @param date null for a row that needed no request
 * @param provider the provider's name, null for a row that needed no request
 * @param cachedAt for an answer taken from the cache in place of a failed or forbidden request
 *     ({@code --stale-if-error}, {@code --offline}): when it was fetched; else null
 */
public record RateTable(String base, LocalDate date, Map<String, BigDecimal> rates, String provider, Instant cachedAt) {
  public RateTable {
    rates = Map.copyOf(rates);
  }

  public RateTable(String base, LocalDate date, Map<String, BigDecimal> rates, String provider) {
    this(base, date, rates, provider, null);
  }

  /** A row of no provider's: one needing no request, or a test's. */
  public RateTable(String base, LocalDate date, Map<String, BigDecimal> rates) {
    this(base, date, rates, null, null);
  }

  public RateTable withCachedAt(Instant fetchedAt) {
    return new RateTable(base, date, rates, provider, fetchedAt);
  }

  /** The rate for {@code symbol}, 1 for the base itself, empty when the API did not return it. */
  public Optional<BigDecimal> rate(String symbol) {
    if (symbol.equals(base)) {
      return Optional.of(BigDecimal.ONE);
    }
    return Optional.ofNullable(rates.get(symbol));
  }
}
