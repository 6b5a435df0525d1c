package dev.fxmatrix.output;

import dev.fxmatrix.api.RateTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures: the seed rates of 2019-04-09 and a writer that records what each flush saw. */
final class Rates {
  static final LocalDate SEED_DATE = LocalDate.of(2019, 4, 9);

  /** The seed's five currencies, as bases and as symbols. */
  static final MatrixSpec SEED_SPEC =
      new MatrixSpec(List.of("USD", "EUR", "PLN", "NOK", "CZK"), List.of("USD", "EUR", "PLN", "NOK", "CZK"));

  /**
   * The API's USD rates on 2019-04-09; the other bases are those divided through in Python floats,
   * digits from repr(usd[s] / usd[b]) (see gen_python_floats.py for the rates themselves).
   */
  static final RateTable USD = table("USD", "EUR", "0.8867606633", "PLN", "3.8015429636", "NOK", "8.5297508203", "CZK", "22.7170346723");
  static final RateTable EUR = table("EUR", "USD", "1.1276999999961546", "PLN", "4.287000000037102", "NOK", "9.61900000001951", "CZK", "25.61799999986535");
  static final RateTable PLN = table("PLN", "USD", "0.2630510846714241", "EUR", "0.23326335432501646", "NOK", "2.2437602052568844", "CZK", "5.975740611066863");
  static final RateTable NOK = table("NOK", "USD", "0.11723671899302082", "EUR", "0.10396091069736686", "PLN", "0.4456804241634688", "CZK", "2.663270610231146");
  static final RateTable CZK = table("CZK", "USD", "0.0440198298072481", "EUR", "0.039035053478228436", "PLN", "0.16734327426261356", "NOK", "0.37547817940784084");

  private Rates() {}

  /** A table on the seed date from symbol/rate pairs, rates kept exactly as written. */
  static RateTable table(String base, String... symbolRatePairs) {
    return table(base, SEED_DATE, symbolRatePairs);
  }

  static RateTable table(String base, LocalDate date, String... symbolRatePairs) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    for (int i = 0; i < symbolRatePairs.length; i += 2) {
      rates.put(symbolRatePairs[i], new BigDecimal(symbolRatePairs[i + 1]));
    }
    return new RateTable(base, date, rates);
  }

  /** Collects output and, at every flush, a snapshot of everything written so far. */
  static final class Sink {
    final StringWriter text = new StringWriter();
    final List<String> atFlush = new ArrayList<>();
    final PrintWriter out =
        new PrintWriter(
            new Writer() {
              @Override
              public void write(char[] buf, int off, int len) {
                text.write(buf, off, len);
              }

              @Override
              public void flush() {
                atFlush.add(text.toString());
              }

              @Override
              public void close() {
                throw new AssertionError("writers must not close the caller's PrintWriter");
              }
            });

    String text() {
      return text.toString();
    }

    /** What had reached the underlying writer at the last flush. */
    String lastFlushed() {
      return atFlush.isEmpty() ? "" : atFlush.getLast();
    }
  }
}
