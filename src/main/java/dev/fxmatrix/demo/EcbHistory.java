package dev.fxmatrix.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The ECB's daily reference-rate history ({@code eurofxref-hist.csv}), read lazily.
 *
 * <p>The file is newest first, so a lookup reads lines only until it reaches the requested date:
 * {@code latest} costs one line, an old date the lines down to it, a date before 1999 the whole
 * file, each at most once. Lines read are kept as text, indexed by date, and turned into
 * {@link EcbDay}s only when asked for, then cached. Safe for concurrent use (one lock: lookups take
 * microseconds once the lines they need are read).
 */
public final class EcbHistory {
  /** A date without a publication answers the last earlier publication day at most this many days back. */
  public static final int MAX_FALLBACK_DAYS = 14;

  private static final String BUNDLED_RESOURCE = "eurofxref-hist.zip";
  private static final String NOT_QUOTED = "N/A";

  /** Opens the CSV text from its first (header) line. */
  @FunctionalInterface
  interface CsvSource {
    AsciiLineReader open() throws IOException;
  }

  private final CsvSource source;
  private final String description;
  private final ReentrantLock lock = new ReentrantLock(); // not synchronized: callers are virtual threads

  // Guarded by lock. Row i of the file (0 = newest); dates as yyyymmdd ints, strictly decreasing,
  // which keeps the scan cheap on a cold JVM (no LocalDate per line).
  private AsciiLineReader reader;
  private List<String> columns;
  private int[] dateKeys = new int[1024];
  private String[] lines = new String[1024];
  private EcbDay[] days = new EcbDay[1024];
  private int rowCount;
  private boolean fullyRead;
  private int lineNumber;

  EcbHistory(CsvSource source, String description) {
    this.source = source;
    this.description = description;
  }

  /** The history bundled with fxmatrix (ECB data 1999-01-04..2026-04-13), shared by the whole JVM. */
  public static EcbHistory bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final EcbHistory INSTANCE =
        new EcbHistory(EcbHistory::openBundled, "bundled " + BUNDLED_RESOURCE);
  }

  /** A history read from CSV text in the ECB's format (for tests and small fixtures). */
  static EcbHistory fromCsv(String csv) {
    return new EcbHistory(
        () -> new AsciiLineReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII))),
        "CSV text");
  }

  private static AsciiLineReader openBundled() throws IOException {
    InputStream raw = EcbHistory.class.getResourceAsStream(BUNDLED_RESOURCE);
    if (raw == null) {
      throw new IOException("resource " + BUNDLED_RESOURCE + " is missing from the jar");
    }
    ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, 64 * 1024));
    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
      if (!entry.isDirectory() && entry.getName().endsWith(".csv")) {
        return new AsciiLineReader(zip);
      }
    }
    zip.close();
    throw new IOException("no .csv entry in " + BUNDLED_RESOURCE);
  }

  /** The newest publication day in the file. */
  public EcbDay newest() {
    lock.lock();
    try {
      while (rowCount == 0 && !fullyRead) {
        readNextLine();
      }
      if (rowCount == 0) {
        throw new IllegalStateException(description + " holds no rates");
      }
      return day(0);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The publication day that answers for {@code date}: that day itself, or the last earlier
   * publication at most {@value #MAX_FALLBACK_DAYS} days back (weekends, holidays, and dates just
   * after the newest data). Empty when there is none, e.g. before 1999-01-04.
   */
  public Optional<EcbDay> dayFor(LocalDate date) {
    return lastOnOrBefore(date).filter(day -> ChronoUnit.DAYS.between(day.date(), date) <= MAX_FALLBACK_DAYS);
  }

  /**
   * The last publication on or before {@code date}, however long before (Frankfurter snaps the start
   * of a time series back this way); empty before the first day in the file.
   */
  public Optional<EcbDay> lastOnOrBefore(LocalDate date) {
    int key = key(date);
    lock.lock();
    try {
      readDownTo(key);
      int row = firstRowOnOrBefore(key);
      return row < 0 ? Optional.empty() : Optional.of(day(row));
    } finally {
      lock.unlock();
    }
  }

  /** Every publication from {@code first} to {@code last}, both included, oldest first. */
  public List<EcbDay> between(LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      return List.of();
    }
    int firstKey = key(first);
    int lastKey = key(last);
    lock.lock();
    try {
      readDownTo(firstKey - 1);
      int newest = firstRowOnOrBefore(lastKey);
      int pastOldest = firstRowOnOrBefore(firstKey - 1); // first row before the range, -1 for none
      List<EcbDay> days = new ArrayList<>();
      if (newest >= 0) {
        for (int row = (pastOldest < 0 ? rowCount : pastOldest) - 1; row >= newest; row--) {
          days.add(day(row));
        }
      }
      return days;
    } finally {
      lock.unlock();
    }
  }

  /** The file's currency columns in its order (USD, JPY, BGN, ...), the ECB's own order. */
  List<String> currencyOrder() {
    newest(); // reads the header
    lock.lock();
    try {
      return List.copyOf(columns.subList(1, columns.size()));
    } finally {
      lock.unlock();
    }
  }

  /** Every publication in the file, oldest first (reads the whole file). */
  public List<EcbDay> all() {
    return between(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
  }

  // Rows are newest first: once a row on or before the key is read, later rows are all older.
  private void readDownTo(int key) {
    while (!fullyRead && (rowCount == 0 || dateKeys[rowCount - 1] > key)) {
      readNextLine();
    }
  }

  /** Binary search over the decreasing keys; -1 when every row read is after the key. */
  private int firstRowOnOrBefore(int key) {
    int low = 0;
    int high = rowCount; // answer in [low, high]; high = rowCount means none
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (dateKeys[mid] <= key) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low < rowCount ? low : -1;
  }

  private EcbDay day(int row) {
    if (days[row] == null) {
      days[row] = parseRow(dateKeys[row], lines[row]);
    }
    return days[row];
  }

  private void readNextLine() {
    try {
      if (reader == null) {
        reader = source.open();
        String header = reader.readLine();
        lineNumber = 1;
        if (header == null || !header.startsWith("Date,")) {
          throw new IOException("line 1: expected the header 'Date,USD,...'");
        }
        columns = fields(header);
      }
      String line = reader.readLine();
      lineNumber++;
      if (line == null) {
        fullyRead = true;
        reader.close();
        return;
      }
      if (line.isBlank()) {
        return;
      }
      int key = dateKey(line);
      if (rowCount > 0 && key >= dateKeys[rowCount - 1]) {
        throw new IOException("line " + lineNumber + ": date is not older than the line before");
      }
      if (rowCount == dateKeys.length) {
        dateKeys = Arrays.copyOf(dateKeys, rowCount * 2);
        lines = Arrays.copyOf(lines, rowCount * 2);
        days = Arrays.copyOf(days, rowCount * 2);
      }
      dateKeys[rowCount] = key;
      lines[rowCount] = line;
      rowCount++;
    } catch (IOException e) {
      fullyRead = true; // don't retry a broken file on every request
      throw new UncheckedIOException("cannot read " + description + ": " + e.getMessage(), e);
    }
  }

  private static int key(LocalDate date) {
    return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }

  /** yyyymmdd from the line's leading YYYY-MM-DD, checked for shape only (parsed fully on use). */
  private int dateKey(String line) throws IOException {
    if (line.length() < 11 || line.charAt(4) != '-' || line.charAt(7) != '-' || line.charAt(10) != ',') {
      throw new IOException("line " + lineNumber + ": expected a date YYYY-MM-DD at the start");
    }
    int key = 0;
    for (int i = 0; i < 10; i++) {
      char c = line.charAt(i);
      if (i == 4 || i == 7) {
        continue;
      }
      if (c < '0' || c > '9') {
        throw new IOException("line " + lineNumber + ": expected a date YYYY-MM-DD at the start");
      }
      key = key * 10 + (c - '0');
    }
    return key;
  }

  private EcbDay parseRow(int dateKey, String line) {
    List<String> values = fields(line);
    LocalDate date;
    try {
      // LocalDate.of, not LocalDate.parse: the formatter machinery costs ~15 ms on a cold JVM.
      date = LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
    } catch (DateTimeException e) {
      throw new IllegalStateException(description + ": not a date: " + values.get(0));
    }
    Map<String, BigDecimal> rates = new TreeMap<>();
    for (int i = 1; i < Math.min(columns.size(), values.size()); i++) {
      String value = values.get(i);
      if (!value.isEmpty() && !value.equals(NOT_QUOTED)) {
        try {
          rates.put(columns.get(i), new BigDecimal(value));
        } catch (NumberFormatException e) {
          throw new IllegalStateException(
              description + ", " + date + ": " + columns.get(i) + " is not a number: " + value);
        }
      }
    }
    return new EcbDay(date, rates);
  }

  /** Comma-separated fields; the ECB ends every line with a comma, which adds no field. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>(44);
    int start = 0;
    for (int comma; (comma = line.indexOf(',', start)) >= 0; start = comma + 1) {
      fields.add(line.substring(start, comma).strip());
    }
    if (start < line.length()) {
      fields.add(line.substring(start).strip());
    }
    return fields;
  }
}
