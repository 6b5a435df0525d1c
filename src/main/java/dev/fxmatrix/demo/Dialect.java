package dev.fxmatrix.demo;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The providers whose APIs the embedded server can speak, each at the real service's own paths and
 * from the same ECB history. One {@link FxApiServer} speaks one dialect.
 */
public enum Dialect {
  /** Frankfurter v1 ({@code api.frankfurter.dev/v1}): what fxmatrix's client speaks today. */
  FRANKFURTER("frankfurter", "/v1"),
  /** Frankfurter v2 ({@code /v2/rates}, {@code /v2/currencies}). */
  FRANKFURTER_V2("frankfurter-v2", "/v2"),
  /** ExchangeRate-API's open access ({@code open.er-api.com/v6/latest/USD}). */
  OPEN_ER_API("open-er-api", "/v6"),
  /** fawazahmed0's currency-api, static files ({@code /{date}/v1/currencies/usd.json}). */
  CURRENCY_API("currency-api", "/{date}/v1"),
  /** The ECB's own XML files ({@code /stats/eurofxref/eurofxref-daily.xml}). */
  ECB("ecb", "/stats/eurofxref");

  private final String id;
  private final String basePath;

  Dialect(String id, String basePath) {
    this.id = id;
    this.basePath = basePath;
  }

  /** The name on the command line and in {@code --api-url NAME=URL}: {@code frankfurter-v2}. */
  public String id() {
    return id;
  }

  /** The path below the server's origin a client's base URL ends with; currency-api's is a template. */
  public String basePath() {
    return basePath;
  }

  public static Optional<Dialect> byId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  /** "frankfurter, frankfurter-v2, ...", for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", "));
  }

  DialectRoutes routes(EcbHistory history) {
    return switch (this) {
      case FRANKFURTER -> new FrankfurterV1(history);
      case FRANKFURTER_V2 -> new FrankfurterV2(history);
      case OPEN_ER_API -> new OpenErApi(history);
      case CURRENCY_API -> new CurrencyApi(history);
      case ECB -> new EcbFiles(history);
    };
  }
}
