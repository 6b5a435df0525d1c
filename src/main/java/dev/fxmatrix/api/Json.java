package dev.fxmatrix.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** What every JSON provider needs to read an answer strictly, and to quote a server's words safely. */
public final class Json {
  private Json() {}

  /**
   * Built once, on first use (a holder class, so that parsing a URL or building a request does not
   * pay for it): jackson-core's streaming parser, strict about a key twice. The tree is built here
   * rather than by an ObjectMapper, whose own set-up costs a short run ~35 ms before its first answer.
   */
  private static final class Parser {
    static final JsonFactory FACTORY =
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /** Parses one tiny document so the first real answer does not pay for Jackson's class loading. */
  public static void warmUp() {
    try {
      tree("{\"base\":\"EUR\",\"date\":\"2019-04-09\",\"rates\":{\"USD\":1.1,\"JPY\":120}}".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The body as a JSON tree: one value and nothing after it (trailing garbage is not an answer we
   * can trust), numbers as the exact decimals the API wrote. Anything else is a malformed response,
   * said without Jackson's internals.
   */
  static JsonNode parse(byte[] body) throws ApiException {
    try {
      JsonNode root = tree(body);
      if (root == null) {
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
      JsonNode root = tree(body);
      JsonNode message = root == null ? null : root.get("message");
      return message != null && message.isTextual() ? Optional.of(printable(message.asText())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The one value of {@code body}, null for none. */
  private static JsonNode tree(byte[] body) throws IOException {
    try (JsonParser parser = Parser.FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        return null;
      }
      JsonNode root = value(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "trailing token (" + parser.currentToken().asString() + ") after the value");
      }
      return root;
    }
  }

  private static JsonNode value(JsonParser parser) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, value(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        yield array;
      }
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> nodes.numberNode(parser.getIntValue());
        case LONG -> nodes.numberNode(parser.getLongValue());
        default -> nodes.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue()); // exact, as the API wrote it
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
    };
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
