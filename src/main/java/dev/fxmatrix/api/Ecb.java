package dev.fxmatrix.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The ECB's own reference rates ({@code https://www.ecb.europa.eu/stats/eurofxref}): one EUR-based
 * file for the whole matrix, every other base's cells computed here as Frankfurter v1 computes
 * them, so that they are the same cells.
 */
public final class Ecb extends UrlProvider {
  public static final String NAME = "ecb";
  public static final String DEFAULT_URL = "https://www.ecb.europa.eu/stats/eurofxref";

  static final String DAILY = "eurofxref-daily.xml";
  static final String NINETY_DAYS = "eurofxref-hist-90d.xml";
  /**
   * The full history zipped (one CSV): ~630 KB in 2026 where {@code eurofxref-hist.xml} is ~7 MB of
   * XML to download and hold, for the one day a run wants. Its CSV writes {@code 4.763} where the
   * XML writes {@code 4.7630}: the same values, each kept as that file sends it.
   */
  static final String HISTORY = "eurofxref-hist.zip";

  /**
   * How many days back the 90-day file serves a date: the date's own lookback must be in it too,
   * and a day's margin each for time zones and the ECB's afternoon publication.
   */
  static final int NINETY_DAY_REACH = 90 - EcbFiles.LOOKBACK_DAYS - 2;

  /** The zipped history, with room for decades of growth (~25 KB a year). */
  static final int MAX_BODY = 4 * 1024 * 1024;

  private static final String EUR = "EUR";

  private final Clock clock;

  public Ecb(HttpUrl url, String userAgent) {
    this(url, userAgent, Clock.systemUTC());
  }

  /** @param clock whose today decides between the 90-day file and the full history */
  Ecb(HttpUrl url, String userAgent, Clock clock) {
    super(NAME, url, userAgent);
    this.clock = clock;
  }

  @Override
  public boolean servesDates() {
    return true;
  }

  @Override
  public boolean oneAnswerForAll() {
    return true;
  }

  /** The ECB's own rates: new ones come with its next publication, whatever the file's headers say. */
  @Override
  public Optional<Instant> staleFrom(RateTable answer, LocalDate asked) {
    return EcbCalendar.staleFrom(answer.date(), asked);
  }

  @Override
  public int maxBodyBytes() {
    return MAX_BODY;
  }

  /** The file that has {@code date}: the daily one for the latest, else the 90-day one or the full history. */
  String file(LocalDate date) {
    if (date == null) {
      return DAILY;
    }
    return date.isBefore(LocalDate.now(clock).minusDays(NINETY_DAY_REACH)) ? HISTORY : NINETY_DAYS;
  }

  /** {@code GET {url}/eurofxref-daily.xml} (or the 90-day file, or the history), whatever the base: one answer serves all. */
  @Override
  public Request request(String base, List<String> symbols, LocalDate date, int attempt) {
    return fileRequest(file(date));
  }

  private Request fileRequest(String file) {
    return get(url.newBuilder().addPathSegment(file).build(), file.endsWith(".zip") ? "application/zip" : "application/xml");
  }

  /**
   * Without the date asked, only a file of one day can be read (the daily one): picking a day from
   * a history needs {@link #read(String, List, LocalDate, byte[])}, which the engine calls.
   */
  @Override
  public RateTable read(String base, List<String> symbols, byte[] body) throws ApiException {
    EcbFiles.Reading reading = EcbFiles.read(body, null);
    if (reading.days() > 1) {
      throw new ApiException(NAME + ": a file of " + reading.days() + " days, read without the date asked for");
    }
    return table(reading, null, base, symbols);
  }

  @Override
  public RateTable read(String base, List<String> symbols, LocalDate date, byte[] body) throws ApiException {
    return table(EcbFiles.read(body, date), date, base, symbols);
  }

  private RateTable table(EcbFiles.Reading reading, LocalDate date, String base, List<String> symbols) throws ApiException {
    if (reading.days() == 0) {
      throw new ApiException("malformed response: no day of rates in it");
    }
    if (reading.picked() == null) {
      throw new ApiException(
          NAME + " has no rates for " + date + " nor the " + EcbFiles.LOOKBACK_DAYS + " days before (its file has "
              + reading.oldest() + " to " + reading.newest() + ")");
    }
    RateTable whole = new RateTable(EUR, reading.picked().date(), reading.picked().perEuro(), NAME);
    return derive(whole, base, symbols);
  }

  /**
   * {@code base}'s row from the EUR table: EUR's cells are the ECB's digits; another base's are
   * {@link #crossRate}s, EUR among them. A symbol the ECB did not quote that day is simply missing.
   */
  @Override
  public RateTable derive(RateTable whole, String base, List<String> symbols) throws ApiException {
    RequestedRates rates = new RequestedRates(base, symbols);
    if (base.equals(EUR)) {
      whole.rates().forEach(rates::offer);
      return rates.table(whole.date(), NAME);
    }
    BigDecimal basePerEuro = whole.rates().get(base);
    if (basePerEuro == null) {
      throw new ApiException(NAME + " does not carry " + base + " on " + whole.date());
    }
    if (FrankfurterRounding.round(basePerEuro.doubleValue()) == 0) {
      throw new ApiException("malformed response: the rate of " + base + " is too small to divide by");
    }
    rates.offer(EUR, crossRate(BigDecimal.ONE, basePerEuro));
    whole.rates().forEach((code, perEuro) -> rates.offer(code, crossRate(perEuro, basePerEuro)));
    return rates.table(whole.date(), NAME);
  }

  /**
   * One cell of a non-EUR base as Frankfurter v1 computes it from the same ECB day: both per-euro
   * rates rounded in its bands, divided, and the quotient rounded again (its AUD→INR of 2025-01-31
   * shows the first rounding: 89.99 / 1.6702, not 89.9945 / 1.6702).
   */
  static BigDecimal crossRate(BigDecimal quotePerEuro, BigDecimal basePerEuro) {
    double quotient = FrankfurterRounding.round(quotePerEuro.doubleValue()) / FrankfurterRounding.round(basePerEuro.doubleValue());
    double cell = FrankfurterRounding.round(quotient);
    // What Frankfurter's JSON shows for the same cell: an integer over 5000, else the double's shortest decimal.
    return FrankfurterRounding.wholeNumber(quotient) ? BigDecimal.valueOf((long) cell) : new BigDecimal(Double.toString(cell));
  }


  /** The ECB's files are static: a 404 is a wrong folder (or a file it has stopped publishing). */
  @Override
  public String explain(int status, byte[] body, String base, List<String> symbols, LocalDate date) {
    if (status == 404) {
      return "HTTP 404: no " + file(date) + " at " + url + " (is it the ECB's eurofxref folder, like " + DEFAULT_URL + "?)";
    }
    return "HTTP " + status + Answers.said(body);
  }

  @Override
  public Request currenciesRequest() {
    return fileRequest(DAILY);
  }

  /** The currencies of the latest day, and EUR, named by the JDK (the file gives codes only). */
  @Override
  public SortedMap<String, String> readCurrencies(byte[] body) throws ApiException {
    EcbFiles.Reading reading = EcbFiles.read(body, null);
    if (reading.picked() == null) {
      throw new ApiException("malformed response: no day of rates in it");
    }
    Map<String, String> names = new HashMap<>();
    names.put(EUR, IsoCodes.englishName(EUR));
    reading.picked().perEuro().keySet().forEach(code -> names.put(code, IsoCodes.englishName(code)));
    return new TreeMap<>(names);
  }
}
