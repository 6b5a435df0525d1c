package dev.fxmatrix.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatFormatTest {
  /** Written by gen_python_floats.py next to it; its header names the exact command. */
  private static final String GOLDEN = "python_floats.txt";

  @Test
  void matchesEveryLineOfThePythonGoldenFile() throws IOException {
    Map<String, String> golden = golden();
    assertThat(golden).as("golden lines").hasSizeGreaterThan(3000);
    assertThat(mismatches(golden, repr -> PythonFloatFormat.format(parsePythonRepr(repr)))).isEmpty();
  }

  /**
   * The fast path (rounding the shortest decimal) against rounding the exact binary value, on a
   * million doubles: log-uniform over every magnitude, API-like values with few digits (which often
   * sit on a tie) and the doubles right beside those.
   */
  @Test
  void roundsTheShortestDecimalExactlyAsTheBinaryValue() {
    Random random = new Random(20261125);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 1_000_000 && mismatches.size() < 10; i++) {
      double value =
          switch (i % 4) {
            case 0 -> Math.pow(10, random.nextDouble(-320, 308));
            case 1 -> Double.parseDouble(String.format(Locale.ROOT, "%.4g", Math.pow(10, random.nextDouble(-8, 8))));
            case 2 -> Math.nextUp(Double.parseDouble(String.format(Locale.ROOT, "%.4g", Math.pow(10, random.nextDouble(-8, 8)))));
            default -> -Math.nextDown(random.nextInt(1, 100_000) / 1000.0);
          };
      String fast = PythonFloatFormat.format(value);
      String exact = PythonFloatFormat.formatExactly(value);
      if (!fast.equals(exact)) {
        mismatches.add(value + ": '" + fast + "' instead of '" + exact + "'");
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** A rate the API wrote as a decimal gives Python's cell for the double nearest it: the golden values as decimals. */
  @Test
  void formatsTheGoldenValuesGivenAsDecimals() throws IOException {
    Map<String, String> decimals = golden();
    // No NaN or infinity in a decimal, nor a negative zero: BigDecimal's -0.0 is 0.
    decimals.keySet().removeIf(repr -> repr.contains("nan") || repr.contains("inf") || repr.equals("-0.0"));
    assertThat(mismatches(decimals, repr -> PythonFloatFormat.format(new BigDecimal(repr)))).isEmpty();
  }

  /**
   * Decimals rounded from their own digits against their nearest double rounded exactly: any
   * number of digits up to 18 (past the 15 the shortcut takes), at every magnitude, and ties
   * ({@code d.dd5}) with the decimals a unit beside them in the last of up to 17 digits.
   */
  @Test
  void roundsADecimalAsItsNearestDouble() {
    Random random = new Random(20261203);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 300_000 && mismatches.size() < 10; i++) {
      BigDecimal rate;
      if (i % 2 == 0) {
        int digits = random.nextInt(1, 19);
        rate = BigDecimal.valueOf(random.nextLong(1, BigDecimal.TEN.pow(digits).longValueExact()), random.nextInt(-300, 300));
      } else {
        int tail = random.nextInt(1, 15); // digits after the three kept, the 5 among them
        long tie = (random.nextLong(100, 1000) * 10 + 5) * BigDecimal.TEN.pow(tail - 1).longValueExact();
        rate = BigDecimal.valueOf(tie + random.nextInt(-1, 2), random.nextInt(-20, 25));
      }
      String viaDecimal = PythonFloatFormat.format(rate);
      String exact = PythonFloatFormat.formatExactly(rate.doubleValue());
      if (!viaDecimal.equals(exact)) {
        mismatches.add(rate + ": '" + viaDecimal + "' instead of '" + exact + "'");
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** The golden lines whose cell {@code format} gets wrong, each said with what it should be. */
  private static List<String> mismatches(Map<String, String> golden, Function<String, String> format) {
    List<String> mismatches = new ArrayList<>();
    golden.forEach((repr, expected) -> {
      String actual = format.apply(repr);
      if (!actual.equals(expected)) {
        mismatches.add(repr + ": expected '" + expected + "' but got '" + actual + "'");
      }
    });
    return mismatches;
  }

  /** The golden file's lines: Python's repr() of a float, and its cell without the |bars|. */
  private static Map<String, String> golden() throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    try (InputStream in = PythonFloatFormatTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as("test resource " + GOLDEN).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] parts = line.split("\t", 2);
          lines.put(parts[0], parts[1].substring(1, parts[1].length() - 1));
        }
      }
    }
    return lines;
  }

  /** repr() round-trips, and parseDouble is correctly rounded, so this is the very same double. */
  private static double parsePythonRepr(String repr) {
    return switch (repr) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(repr);
    };
  }

  // A readable sample of the rules, checked against python3 by hand; the golden file is the proof.
  @ParameterizedTest(name = "{0} -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "0.8867606633|  0.887",
        "3.8015429636|    3.8",
        "22.7170346723|   22.7",
        "111.2973308504|1.11e+02",
        "14132.9963642813|1.41e+04",
        "127.3|1.27e+02",
        "16855.0|1.69e+04",
        "1.0|    1.0",
        "10.2|   10.2",
        "0.25|   0.25",
        "0.000878|0.000878",
        "0.0001| 0.0001",
        "7.1e-05|7.1e-05",
        "7.075640396592238e-05|7.08e-05",
        "99.96|  1e+02",
        "99.95|  1e+02",
        "9.995|   9.99",
        "999.5|  1e+03",
        "0.00009995| 0.0001",
        "1.125|   1.12",
        "1.375|   1.38",
        "100.5|  1e+02",
        "1e100| 1e+100",
        "4.9e-324|4.94e-324",
        "0.0|    0.0",
        "-0.0|   -0.0",
        "-1.5|   -1.5",
        "-127.3|-1.27e+02",
        "NaN|    nan",
        "-NaN|    nan",
        "Infinity|    inf",
        "-Infinity|   -inf",
      })
  void followsPythonsRules(String value, String expected) {
    assertThat(PythonFloatFormat.format(Double.parseDouble(value))).isEqualTo(expected);
  }
}
