package dev.fxmatrix.demo;

import dev.fxmatrix.api.RubyFloat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frankfurter's rate pipeline on named cases; FrankfurterV1GoldenTest covers every cell. */
class FrankfurterV1RatesTest {
  private static final EcbHistory HISTORY = EcbHistory.bundled();

  @Test
  void eurBaseWithAmountOneIsTheEcbRateAsADouble() {
    Map<String, String> rates = rates("2026-04-13", "EUR", null, 1.0);

    assertThat(rates).containsEntry("IDR", "20082.05").containsEntry("USD", "1.1684").hasSize(29).doesNotContainKey("EUR");
  }

  @Test
  void eachEcbRateIsRoundedInItsBandOnTheDoubleBeforeTheDivision() {
    // The cell: the ECB's INR 107.425 is the double 107.42499999999999716, so %.2f gives
    // 107.42, and 107.42 / 1.1845 = 90.688 -> 90.69 (rounding the decimal half up: 107.43 -> 90.70).
    assertThat(rates("2026-02-18", "USD", List.of("INR"), 1.0)).containsExactly(Map.entry("INR", "90.69"));
    // SIT 189.045 likewise becomes 189.04, and 189.04 / 1.1789 = 160.35 (from 189.05: 160.36).
    assertThat(rates("1999-01-04", "USD", List.of("SIT"), 1.0)).containsExactly(Map.entry("SIT", "160.35"));
    // 11.413 / 161.6 is the double 0.0706250000000000072, above the tie, yet Ruby's %.5f takes it
    // for a tie and keeps the even digit: 0.07062, where a correct rounding gives 0.07063.
    assertThat(rates("2025-03-31", "JPY", List.of("NOK"), 1.0)).containsExactly(Map.entry("NOK", "0.07062"));
  }

  @Test
  void numbersAreWrittenAsRubyAndOjWriteThem() {
    Map<String, String> idr = rates("2026-04-13", "IDR", List.of("EUR", "USD", "HUF"), 1.0);
    Map<String, String> thousand = rates("2026-04-13", "EUR", List.of("AUD", "BRL"), 1000.0);

    assertThat(idr).containsEntry("EUR", "5.0e-05").containsEntry("USD", "5.8e-05").containsEntry("HUF", "0.01827");
    // Rounded over 5000: a Ruby Integer (no ".0"); rounded below: a Float, whole or not.
    assertThat(thousand).containsEntry("BRL", "5874").containsEntry("AUD", "1661.0");
    assertThat(rates("2026-04-13", "USD", List.of("IDR"), 1.0)).containsEntry("IDR", "17188");
  }

  /**
   * A real answer of Frankfurter ({@code /v1/2025-01-31?base=AUD}), as recorded in a public client's
   * test fixture, against the same ECB day. Its INR 53.88 only comes out when the ECB's 89.9945 is
   * rounded to 89.99 before dividing by 1.6702 (89.9945 / 1.6702 would give 53.882).
   */
  @Test
  void matchesARecordedFrankfurterAnswerDigitForDigit() throws Exception {
    var recorded =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readTree(getClass().getResourceAsStream("frankfurter-2025-01-31-base-AUD.json"));
    Map<String, String> expected = new LinkedHashMap<>();
    recorded.get("rates").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));

    assertThat(rates("2025-01-31", "AUD", null, 1.0)).containsExactlyEntriesOf(expected);
  }

  @Test
  void aDayWithoutTheBaseOrAnyWantedSymbolHasNoRates() {
    EcbDay day = HISTORY.newest();

    assertThat(FrankfurterV1Rates.of(List.of(day), "BGN", null, 1.0)).isEmpty(); // quoted until 2025-12-31
    assertThat(FrankfurterV1Rates.of(List.of(day), "USD", List.of("XXX"), 1.0)).isEmpty();
    assertThat(FrankfurterV1Rates.of(List.of(day), "EUR", List.of("EUR"), 1.0)).isEmpty();
  }

  @Test
  void anAmountSoSmallThatTheDivisorRoundsToZeroFailsAsRubyDoes() {
    assertThatThrownBy(() -> FrankfurterV1Rates.of(List.of(HISTORY.newest()), "USD", null, 1e-10))
        .isInstanceOf(RubyFloat.RubyError.class)
        .hasMessage("invalid value for Float(): \"NaN\"");
  }

  private static Map<String, String> rates(String date, String base, List<String> symbols, double amount) {
    EcbDay day = HISTORY.dayFor(LocalDate.parse(date)).orElseThrow();
    Map<String, String> rates = new LinkedHashMap<>();
    FrankfurterV1Rates.of(List.of(day), base, symbols, amount).firstEntry().getValue().forEach((code, v) -> rates.put(code, v.json()));
    return rates;
  }
}
