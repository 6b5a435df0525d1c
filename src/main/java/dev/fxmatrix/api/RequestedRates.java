package dev.fxmatrix.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rates of one answer that its row asked for, gathered as the adapter walks the answer: each
 * rate is checked (a zero or a string among them means the answer cannot be trusted), and those
 * asked for, other than the base itself, are kept as the exact decimals the API wrote.
 */
final class RequestedRates {
  private final String base;
  private final Set<String> symbols;
  private final Map<String, BigDecimal> kept = new HashMap<>();

  RequestedRates(String base, List<String> symbols) {
    this.base = base;
    this.symbols = Set.copyOf(symbols);
  }

  /** {@code value} as the rate of {@code code} (upper case), checked whether asked or not; kept if asked. */
  void offer(String code, JsonNode value) throws ApiException {
    offer(code, Json.rate(code, value));
  }

  /** An already checked rate of {@code code}, kept if asked. */
  void offer(String code, BigDecimal rate) {
    if (symbols.contains(code) && !code.equals(base)) {
      kept.put(code, rate);
    }
  }

  RateTable table(LocalDate date, String provider) {
    return new RateTable(base, date, kept, provider);
  }
}
