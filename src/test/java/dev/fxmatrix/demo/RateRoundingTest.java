package dev.fxmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateRoundingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // over 5000: a whole number, printed as a JSON integer
    "17187.65, 17188",
    "5000.5, 5001",
    "5000.49, 5000",   // the band is chosen on the unrounded value: 5000.49 > 5000
    // over 80: two decimals
    "5000, 5000.0",
    "159.8335, 159.83",
    "93.335, 93.34",   // half up
    "80.005, 80.01",
    // over 20: three
    "80, 80.0",
    "44.71824, 44.718",
    "20.0005, 20.001",
    // over 1: four
    "20, 20.0",
    "3.64113, 3.6411",
    "1.00005, 1.0001",
    "1.00004, 1.0",
    // over 0.0001: five
    "1, 1.0",
    "0.855871, 0.85587",
    "0.000105, 0.00011",
    // else six
    "0.0001, 0.0001",
    "0.0000495, 0.00005",
    "0.0000004, 0.0",
  })
  void roundsInFrankfurterBands(String value, String expected) {
    assertThat(RateRounding.round(new BigDecimal(value)).toPlainString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1, 1.0", "10.00, 10.0", "0.50, 0.5", "1E+3, 1000.0", "2.5, 2.5"})
  void printsLikeAFloat(String value, String expected) {
    assertThat(RateRounding.asFloat(new BigDecimal(value)).toPlainString()).isEqualTo(expected);
  }
}
