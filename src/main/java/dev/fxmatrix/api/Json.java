package dev.fxmatrix.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** What every JSON provider needs to read an answer strictly, and to quote a server's words safely. */
public final class Json {
  private Json() {}

  /**
   * Built once, on first use (a holder class, so that parsing a URL or building a request does not
   * pay for Jackson): strict, since a body with trailing garbage or a key twice is not an answer
   * we can trust, and exact, since CSV and JSON repeat the API's digits.
   */
  private static final class Reader {
    static final ObjectReader READER =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build()
            .reader();
  }

  /** Parses one tiny document so the first real answer does not pay for Jackson's class loading. */
  public static void warmUp() {
    try {
      Reader.READER.readTree("{\"base\":\"EUR\",\"date\":\"2019-04-09\",\"rates\":{\"USD\":1.1}}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body as a JSON tree; anything else is a malformed response, said without Jackson's internals. */
  static JsonNode parse(byte[] body) throws ApiException {
    try {
      JsonNode root = Reader.READER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new ApiException("malformed response: empty body");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ApiException("malformed response: not JSON (" + printable(firstLine(e.getOriginalMessage())) + ")");
    } catch (IOException e) {
      throw new ApiException("malformed response: unreadable (" + printable(firstLine(e.getMessage())) + ")");
    }
  }

  /** The {@code message} of an error body such as {@code {"message":"not found"}}, made printable. */
  public static Optional<String> message(byte[] body) {
    try {
      JsonNode message = Reader.READER.readTree(body).get("message");
      return message != null && message.isTextual() ? Optional.of(printable(message.asText())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A positive number, as the exact decimal the API wrote; else the answer is malformed. */
  static BigDecimal rate(String code, JsonNode value) throws ApiException {
    if (value == null || !value.isNumber() || value.decimalValue().signum() <= 0) {
      throw new ApiException(
          "malformed response: rate of " + printable(code) + " is " + (value == null ? "missing" : printable(value.toString()))
              + ", not a positive number");
    }
    return value.decimalValue();
  }

  /**
   * A YYYY-MM-DD date, checked for sense: an answer dated after tomorrow (any time zone's today) is
   * not a publication that exists.
   */
  static LocalDate date(JsonNode date) throws ApiException {
    if (date == null || !date.isTextual()) {
      throw new ApiException("malformed response: no \"date\"");
    }
    return date(date.asText());
  }

  static LocalDate date(String text) throws ApiException {
    LocalDate parsed = null;
    // By hand rather than LocalDate.parse: its formatter's first use costs a short run ~3 ms.
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      try {
        parsed = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      } catch (DateTimeException | NumberFormatException e) {
        // the message below
      }
    }
    if (parsed == null) {
      throw new ApiException("malformed response: date \"" + printable(text) + "\" is not YYYY-MM-DD");
    }
    if (parsed.isAfter(LocalDate.ofEpochDay(System.currentTimeMillis() / 86_400_000L + 1))) {
      throw new ApiException("malformed response: date " + parsed + " is in the future");
    }
    return parsed;
  }

  /** The ASCII digits {@code text[from, to)} as a number; NumberFormatException for anything else. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * A server's text made safe for a terminal and one line: control characters (an ESC that would
   * recolour the terminal, a newline that would fake a second report line) become {@code \\uXXXX},
   * and anything past 200 characters is cut.
   */
  public static String printable(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.chars().forEach(c -> {
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        safe.append(String.format("\\u%04x", c));
      } else {
        safe.append((char) c);
      }
    });
    return safe.length() <= 200 ? safe.toString() : safe.substring(0, 200) + "...";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
