package dev.fxmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class CrossRatesTest {
  private static final BigDecimal ONE = RateRounding.asFloat(BigDecimal.ONE);
  private static final EcbDay APRIL_13 = EcbHistory.bundled().newest();

  @Test
  void eurBasePassesTheEcbDigitsThrough() {
    SortedMap<String, BigDecimal> rates = CrossRates.of(APRIL_13, "EUR", null, ONE).orElseThrow();

    assertThat(rates).isEqualTo(APRIL_13.perEuro());
    assertThat(rates.get("IDR")).hasToString("20082.05"); // not rounded to a whole number
    assertThat(rates).doesNotContainKey("EUR");
  }

  @Test
  void usdBaseDividesAndRoundsInBands() {
    SortedMap<String, BigDecimal> rates = CrossRates.of(APRIL_13, "USD", null, ONE).orElseThrow();

    assertThat(plain(rates))
        .containsEntry("EUR", "0.85587") // 1 / 1.1684
        .containsEntry("PLN", "3.6411") // 4.2543 / 1.1684
        .containsEntry("JPY", "159.83") // 186.75 / 1.1684
        .containsEntry("IDR", "17188") // 20082 / 1.1684 = 17187.6
        .containsEntry("TRY", "44.718") // 52.248 / 1.1684
        .containsEntry("CHF", "0.791") // 0.9242 / 1.1684 = 0.79100
        .doesNotContainKey("USD");
    assertThat(rates).hasSize(29);
  }

  /**
   * A real answer of Frankfurter ({@code /v1/2025-01-31?base=AUD}), as recorded in a public client's
   * test fixture, against the same ECB day. Its INR 53.88 only comes out when the ECB's 89.9945 is
   * rounded to 89.99 before dividing by 1.6702 (89.9945 / 1.6702 would give 53.882).
   */
  @Test
  void matchesARecordedFrankfurterAnswerDigitForDigit() throws Exception {
    var recorded =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readTree(getClass().getResourceAsStream("frankfurter-2025-01-31-base-AUD.json"));
    Map<String, String> expected = new LinkedHashMap<>();
    recorded.get("rates").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
    EcbDay day = EcbHistory.bundled().dayFor(LocalDate.of(2025, 1, 31)).orElseThrow();

    SortedMap<String, BigDecimal> rates = CrossRates.of(day, "AUD", null, ONE).orElseThrow();

    assertThat(plain(rates)).containsExactlyEntriesOf(expected);
  }

  @Test
  void symbolsLimitTheRatesAndUnknownOnesAreLeftOut() {
    assertThat(plain(CrossRates.of(APRIL_13, "USD", Set.of("EUR", "GBP", "XXX", "USD"), ONE).orElseThrow()))
        .containsOnlyKeys("EUR", "GBP");
    assertThat(plain(CrossRates.of(APRIL_13, "EUR", Set.of("EUR", "GBP"), ONE).orElseThrow()))
        .containsOnlyKeys("GBP");
  }

  @Test
  void nothingForAnUnquotedBaseOrOnlyUnknownSymbols() {
    assertThat(CrossRates.of(APRIL_13, "BGN", null, ONE)).isEmpty(); // quoted until 2025-12-31
    assertThat(CrossRates.of(APRIL_13, "XXX", null, ONE)).isEmpty();
    assertThat(CrossRates.of(APRIL_13, "USD", Set.of("XXX"), ONE)).isEmpty();
    assertThat(CrossRates.of(APRIL_13, "EUR", Set.of("EUR"), ONE)).isEmpty();
  }

  @Test
  void anAmountScalesEveryRateAndRoundsEvenForEur() {
    BigDecimal ten = new BigDecimal("10");

    assertThat(plain(CrossRates.of(APRIL_13, "USD", Set.of("EUR"), ten).orElseThrow()))
        .containsEntry("EUR", "8.5587");
    assertThat(plain(CrossRates.of(APRIL_13, "EUR", Set.of("IDR", "USD"), ten).orElseThrow()))
        .containsEntry("IDR", "200821")
        .containsEntry("USD", "11.684");
  }

  @Test
  void refusesAnAmountTooSmallToDivideBy() {
    assertThatThrownBy(() -> CrossRates.of(APRIL_13, "USD", null, new BigDecimal("1e-9")))
        .isInstanceOf(ArithmeticException.class);
  }

  private static Map<String, String> plain(Map<String, BigDecimal> rates) {
    Map<String, String> plain = new LinkedHashMap<>();
    rates.forEach((code, rate) -> plain.put(code, rate.toPlainString()));
    return plain;
  }
}
