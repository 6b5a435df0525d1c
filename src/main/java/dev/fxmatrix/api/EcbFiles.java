package dev.fxmatrix.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The ECB's reference-rate files, read strictly: the gesmes XML of {@code eurofxref-daily.xml} and
 * {@code eurofxref-hist-90d.xml}, and the CSV inside {@code eurofxref-hist.zip}. Each holds days of
 * units per euro, with the ECB's own digits; a reader wants one day of them, the publication for a
 * date.
 */
final class EcbFiles {
  /** A date without a publication takes the last earlier one at most this many days back, as Frankfurter does. */
  static final int LOOKBACK_DAYS = 14;

  /** The history's CSV inflates to 1.9 MB in 2026: a zip that inflates to far more is not the ECB's. */
  private static final int MAX_CSV_BYTES = 32 * 1024 * 1024;

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");

  private EcbFiles() {}

  /** One publication: how many units of each currency one euro bought that day. */
  record Day(LocalDate date, Map<String, BigDecimal> perEuro) {}

  /**
   * What a file held: the day picked for the date asked ({@code picked} null if none suits), and how
   * many days it held from when to when, to say why none did.
   */
  record Reading(Day picked, int days, LocalDate oldest, LocalDate newest) {}

  /**
   * The publication for {@code wanted} in {@code body}: the day itself or the last one before it,
   * at most {@link #LOOKBACK_DAYS} back; for null, the newest day the file has.
   */
  static Reading read(byte[] body, LocalDate wanted) throws ApiException {
    if (body.length == 0) {
      throw malformed("empty body");
    }
    boolean zip = body.length > 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    return zip ? fromZip(body, wanted) : fromXml(body, wanted);
  }

  /** Keeps the best day seen so far for the date wanted, and what range of days went by. */
  private static final class Picker<T> {
    private final LocalDate wanted;
    private T best;
    private LocalDate bestDate;
    private int days;
    private LocalDate oldest;
    private LocalDate newest;

    Picker(LocalDate wanted) {
      this.wanted = wanted;
    }

    /** Notes a day of {@code date}; true if it is the best so far, which the caller then {@link #take}s. */
    boolean wants(LocalDate date) {
      days++;
      oldest = oldest == null || date.isBefore(oldest) ? date : oldest;
      newest = newest == null || date.isAfter(newest) ? date : newest;
      boolean fits = wanted == null || !(date.isAfter(wanted) || date.isBefore(wanted.minusDays(LOOKBACK_DAYS)));
      return fits && (bestDate == null || date.isAfter(bestDate));
    }

    void take(LocalDate date, T day) {
      bestDate = date;
      best = day;
    }
  }

  // --- the XML files: <gesmes:Envelope><Cube><Cube time='...'><Cube currency='USD' rate='1.0163'/>...

  /** The JDK's own StAX parser, with no DTDs and so no entities: the ECB's files have neither. */
  private static final class Xml {
    static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
      XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      return factory;
    }
  }

  private static Reading fromXml(byte[] body, LocalDate wanted) throws ApiException {
    Picker<Day> picker = new Picker<>(wanted);
    try {
      XMLStreamReader xml = Xml.FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        boolean seenRoot = false;
        LocalDate date = null;
        Map<String, BigDecimal> rates = null;
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.DTD) {
            throw malformed("a DTD, which the ECB's files do not have");
          }
          if (event != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String element = xml.getLocalName();
          if (!seenRoot) {
            if (!element.equals("Envelope")) {
              throw malformed("not the ECB's gesmes XML (it starts with <" + Json.printable(element) + ">)");
            }
            seenRoot = true;
          } else if (element.equals("Cube") && xml.getAttributeValue(null, "time") != null) {
            offer(picker, date, rates);
            date = Json.date(xml.getAttributeValue(null, "time"));
            rates = new TreeMap<>();
          } else if (element.equals("Cube") && xml.getAttributeValue(null, "currency") != null) {
            if (rates == null) {
              throw malformed("a rate outside any day's <Cube time=...>");
            }
            String code = code(xml.getAttributeValue(null, "currency"));
            if (rates.put(code, rate(code, xml.getAttributeValue(null, "rate"))) != null) {
              throw malformed(code + " twice on " + date);
            }
          }
        }
        offer(picker, date, rates);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      String why = e.getMessage() == null ? "unreadable" : e.getMessage().replaceAll("\\s+", " ");
      throw malformed("not XML (" + Json.printable(why) + ")");
    }
    return new Reading(picker.best, picker.days, picker.oldest, picker.newest);
  }

  private static void offer(Picker<Day> picker, LocalDate date, Map<String, BigDecimal> rates) throws ApiException {
    if (date == null) {
      return;
    }
    if (rates.isEmpty()) {
      throw malformed("no rates on " + date);
    }
    if (picker.wants(date)) {
      picker.take(date, new Day(date, rates));
    }
  }

  // --- the zipped history: one CSV, "Date,USD,JPY,...," then a line a day, newest first, N/A where not quoted

  private static Reading fromZip(byte[] body, LocalDate wanted) throws ApiException {
    String csv;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
      ZipEntry entry = zip.getNextEntry();
      if (entry == null || !entry.getName().endsWith(".csv")) {
        throw malformed("a zip without the history's CSV");
      }
      byte[] text = zip.readNBytes(MAX_CSV_BYTES + 1);
      if (text.length > MAX_CSV_BYTES) {
        throw malformed("a CSV of over " + MAX_CSV_BYTES / (1024 * 1024) + " MiB in the zip");
      }
      csv = new String(text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw malformed("a broken zip (" + Json.printable(String.valueOf(e.getMessage())) + ")");
    }
    Iterator<String> lines = csv.lines().iterator();
    String[] codes = header(lines.hasNext() ? lines.next() : "");
    Picker<String> picker = new Picker<>(wanted);
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isBlank()) {
        continue;
      }
      int comma = line.indexOf(',');
      LocalDate date = Json.date(comma < 0 ? line : line.substring(0, comma));
      if (picker.wants(date)) {
        picker.take(date, line); // only the day picked is read further
      }
    }
    Day picked = picker.best == null ? null : day(picker.bestDate, codes, picker.best);
    return new Reading(picked, picker.days, picker.oldest, picker.newest);
  }

  /** The currency codes of the header {@code Date,USD,JPY,...,} (its trailing comma leaves an empty last column). */
  private static String[] header(String line) throws ApiException {
    String[] columns = line.split(",", -1);
    if (!columns[0].equals("Date") || columns.length < 2) {
      throw malformed("the history's CSV does not start with Date,USD,...");
    }
    for (int i = 1; i < columns.length; i++) {
      if (!(columns[i].isEmpty() && i == columns.length - 1)) {
        code(columns[i]);
      }
    }
    return columns;
  }

  private static Day day(LocalDate date, String[] codes, String line) throws ApiException {
    String[] fields = line.split(",", -1);
    if (fields.length != codes.length) {
      throw malformed("the line of " + date + " has " + fields.length + " fields, the header " + codes.length);
    }
    Map<String, BigDecimal> rates = new TreeMap<>();
    for (int i = 1; i < fields.length; i++) {
      if (!fields[i].equals("N/A") && !fields[i].isEmpty()) {
        rates.put(codes[i], rate(codes[i], fields[i]));
      }
    }
    if (rates.isEmpty()) {
      throw malformed("no rates on " + date);
    }
    return new Day(date, rates);
  }

  // --- the values themselves

  private static String code(String text) throws ApiException {
    if (text == null || !CODE.matcher(text).matches()) {
      throw malformed("currency \"" + Json.printable(String.valueOf(text)) + "\" is not a three-letter code");
    }
    return text;
  }

  /** The rate exactly as the ECB wrote it ({@code 4.7630} keeps its zero): plain digits, above zero. */
  private static BigDecimal rate(String code, String text) throws ApiException {
    if (text == null || !DECIMAL.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
      throw malformed("rate of " + code + " is " + (text == null ? "missing" : "\"" + Json.printable(text) + "\"") + ", not a positive number");
    }
    return new BigDecimal(text);
  }

  private static ApiException malformed(String what) {
    return new ApiException("malformed response: " + what);
  }
}
