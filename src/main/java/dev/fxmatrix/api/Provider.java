package dev.fxmatrix.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import okhttp3.Request;

/**
 * One FX API: how to ask it for one base's rates, and how to read what it answers. Knows nothing of
 * HTTP clients, retries or threads: the fetch engine sends the requests, classifies what is generic
 * (a 429, a 5xx, a broken connection) and asks the provider for the rest.
 *
 * <p>Every {@code read} keeps only the requested symbols (never the base itself), as exact decimals
 * of the digits the API sent, and checks that the answer is for the base that was asked.
 */
public interface Provider {
  /** Bodies beyond this are not rate tables (a full answer for 160 currencies is ~4 KiB; ECB's 90 days ~50 KiB). */
  int MAX_BODY_BYTES = 256 * 1024;

  /** The largest body it may send; only a provider whose one answer is a whole history needs more. */
  default int maxBodyBytes() {
    return MAX_BODY_BYTES;
  }

  /** Its name on the command line: {@code frankfurter}, {@code ecb}, ... */
  String name();

  /** What its requests start with, as {@code --api-url NAME=URL} gives it. */
  String url();

  /** Whether it serves past days ({@code --date}); one that does not is skipped in a chain, refused alone. */
  boolean servesDates();

  /**
   * Whether one answer holds every base's rates (the ECB's EUR table): then the engine sends one
   * request for the whole matrix and {@link #read}s each base from that same body.
   */
  default boolean oneAnswerForAll() {
    return false;
  }

  /**
   * Whether every code it carries is an ISO 4217 one (currency-api's crypto and junk keys are
   * dropped on reading); so a code outside ISO 4217 is refused before it is asked for.
   */
  default boolean carriesIsoCodesOnly() {
    return true;
  }

  /**
   * The request for {@code base}'s rates of {@code symbols} (never containing the base), on {@code
   * date} (null: the latest). {@code attempt} (1, 2, ...) lets a provider with a fallback host send
   * its retries there.
   */
  Request request(String base, List<String> symbols, LocalDate date, int attempt);

  /** Reads a 2xx answer; anything but the expected shape is an {@link ApiException} fit for the user. */
  RateTable read(String base, List<String> symbols, byte[] body) throws ApiException;

  /**
   * {@link #read} for the day {@code date} that the request asked for (null: the latest). Only a
   * provider whose one answer holds many days (the ECB's 90-day and full histories) needs the date
   * to pick the right one; the others answer for the asked day already.
   */
  default RateTable read(String base, List<String> symbols, LocalDate date, byte[] body) throws ApiException {
    return read(base, symbols, body);
  }

  /**
   * What a 4xx answer other than 429 means, in words for the user: this API's own message, and what
   * it most likely means (an unknown currency, no data for the date, a wrong URL).
   */
  String explain(int status, byte[] body, String base, List<String> symbols, LocalDate date);

  /**
   * When an answer stops being the newest, whatever its HTTP caching headers say: for the ECB's
   * rates, at the next business day's publication after its date (see {@link EcbCalendar}). Only
   * for an answer that could still change: the latest, or one older than the day asked for ({@code
   * asked} null for the latest). Empty: trust the answer's caching headers.
   */
  default Optional<Instant> staleFrom(RateTable answer, LocalDate asked) {
    return Optional.empty();
  }

  /** How long a 429 without {@code Retry-After} asks to wait, where the API documents it. */
  default Optional<Duration> rateLimitWait() {
    return Optional.empty();
  }

  /** The request for the currencies it carries (its own endpoint, or one answer's keys). */
  Request currenciesRequest();

  /** The codes and English names of {@link #currenciesRequest}'s answer, sorted by code. */
  SortedMap<String, String> readCurrencies(byte[] body) throws ApiException;

  /**
   * For a provider with {@link #oneAnswerForAll}: {@code base}'s rates of {@code symbols} from its one
   * answer, read as base EUR with every code it has ({@link Providers#EVERY_CODE_BUT_EUR}); an
   * {@link ApiException} when it does not carry {@code base}.
   */
  default RateTable derive(RateTable whole, String base, List<String> symbols) throws ApiException {
    throw new UnsupportedOperationException(name() + " answers each base on its own");
  }

  /** A line its terms ask users to be shown (on stderr), if any. */
  default Optional<String> attribution() {
    return Optional.empty();
  }
}
