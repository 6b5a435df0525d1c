package dev.fxmatrix.demo;

import dev.fxmatrix.api.RubyFloat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded API against what Frankfurter v1 answers, as Ruby computed it over the same bundled
 * ECB file ({@code frankfurter-v1-golden.txt}, written by {@code gen_frankfurter_golden.rb}): Ruby's
 * float formatting on its own, whole answers to requests of every kind, and a digest of every cell
 * of every day for every base, for three amounts.
 */
class FrankfurterV1GoldenTest {
  private static final List<String> LINES = new ArrayList<>();
  private static final FrankfurterV1 API = new FrankfurterV1(EcbHistory.bundled());

  @BeforeAll
  static void readGolden() throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                FrankfurterV1GoldenTest.class.getResourceAsStream("frankfurter-v1-golden.txt"), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.startsWith("#")) {
          LINES.add(line);
        }
      }
    }
  }

  @Test
  void formatsLikeRubyIncludingItsNearTies() {
    List<String[]> fixed = lines("fixed", 3);
    List<String> mismatches = new ArrayList<>();
    for (String[] line : fixed) {
      double value = bits(line[0]);
      int decimals = Integer.parseInt(line[1]);
      String expected = line[2];
      String actual = RubyFloat.fixedDigits(value, decimals).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
      if (!actual.equals(expected)) {
        mismatches.add(value + " %." + decimals + "f: Ruby " + expected + ", here " + actual);
      }
    }
    assertThat(fixed).hasSizeGreaterThan(4000);
    assertThat(mismatches).isEmpty();
    // The case Ruby does not round correctly: the double is 2.67499999999999982236431605997495353221893310546875.
    assertThat(RubyFloat.formatFixed(2.675, 2)).isEqualTo(2.68);
    assertThat(RubyFloat.formatFixed(189.045, 2)).isEqualTo(189.04);
  }

  @Test
  void roundsAndWritesFloatsAndReadsAmountsLikeRubyAndOj() throws IOException {
    for (String[] line : lines("round", 2)) {
      assertThat(RubyFloat.integerText(RubyFloat.roundToInteger(bits(line[0])))).isEqualTo(line[1]);
    }
    for (String[] line : lines("oj", 2)) {
      assertThat(RubyFloat.ojText(bits(line[0]))).as(line[0]).isEqualTo(line[1]);
    }
    ObjectMapper json = new ObjectMapper();
    List<String[]> toF = lines("to_f", 1);
    for (String[] line : toF) {
      // "JSON string" RESULT; the string may hold blanks.
      String rest = line[0];
      int split = rest.lastIndexOf(' ');
      String text = json.readValue(rest.substring(0, split), String.class);
      double value = RubyFloat.toF(text);
      String shown = Double.isInfinite(value) ? "Infinity" : RubyFloat.ojText(value);
      assertThat(shown).as(rest).isEqualTo(rest.substring(split + 1));
    }
    assertThat(toF).hasSizeGreaterThan(25);
  }

  @Test
  void answersEveryRecordedRequestWithTheSameStatusTypeAndBytes() {
    List<String[]> answers = lines("answer", 4);
    List<String> mismatches = new ArrayList<>();
    for (String[] line : answers) {
      String status = line[0];
      String type = line[1].equals("v1") ? ApiResponse.JSON_UTF8 : ApiResponse.JSON;
      String request = line[2];
      String body = line[3];
      ApiResponse answer = API.answer(ApiRequest.get("/v1" + request));
      String got = answer.status() + " " + answer.header("Content-Type") + " " + answer.body();
      if (!got.equals(status + " " + type + " " + body)) {
        mismatches.add(request + "\n  Ruby: " + status + " " + type + " " + body + "\n  here: " + got);
      }
    }
    assertThat(answers).hasSizeGreaterThan(200);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyCellOfEveryDayForEveryBaseMatchesRubysDigest() {
    Map<Integer, List<EcbDay>> byYear =
        EcbHistory.bundled().all().stream().collect(Collectors.groupingBy(d -> d.date().getYear(), TreeMap::new, Collectors.toList()));
    List<String[]> digests = lines("digest", 3);
    List<String> mismatches =
        digests.parallelStream()
            .filter(line -> !digest(sample(byYear.get(Integer.parseInt(line[0])), line[1]), line[1]).equals(line[2]))
            .map(line -> line[0] + " amount " + line[1])
            .toList();
    assertThat(digests).hasSize(3 * (2026 - 1999 + 1));
    assertThat(mismatches).isEmpty();
  }

  /** The script's days for an amount: all for 1, else every fourth day counted from the newest. */
  private static List<EcbDay> sample(List<EcbDay> oldestFirst, String amount) {
    int offset = switch (amount) {
      case "1" -> -1;
      case "100" -> 0;
      case "0.37" -> 2;
      default -> throw new IllegalArgumentException(amount);
    };
    if (offset < 0) {
      return oldestFirst;
    }
    List<EcbDay> newestFirst = oldestFirst.reversed();
    List<EcbDay> sample = new ArrayList<>();
    for (int i = offset; i < newestFirst.size(); i += 4) {
      sample.add(newestFirst.get(i));
    }
    return sample.reversed();
  }

  /** SHA-256 over "PATH BODY\n" for every base of every day, as the script writes it. */
  private static String digest(List<EcbDay> days, String amount) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (EcbDay day : days) {
        TreeSet<String> bases = new TreeSet<>(day.perEuro().keySet());
        bases.add(EcbDay.EUR);
        for (String base : bases) {
          String request = "/" + day.date() + "?base=" + base + (amount.equals("1") ? "" : "&amount=" + amount);
          String body = API.answer(ApiRequest.get("/v1" + request)).body();
          sha.update((request + " " + body + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fields after the kind of every line of that kind, the last field holding the rest. */
  private static List<String[]> lines(String kind, int fields) {
    List<String[]> found = new ArrayList<>();
    for (String line : LINES) {
      if (line.startsWith(kind + " ")) {
        found.add(line.substring(kind.length() + 1).split(" ", fields));
      }
    }
    return found;
  }

  private static double bits(String hex) {
    return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
  }
}
