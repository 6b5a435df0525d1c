package dev.fxmatrix.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  /** Reads numbers back as BigDecimal with the written scale, so equality below is exact. */
  private static final ObjectMapper READER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static Map<String, Object> parse(String json) throws Exception {
    return READER.readValue(json, new TypeReference<Map<String, Object>>() {});
  }

  private static final MatrixSpec SPEC =
      new MatrixSpec(List.of("USD", "PLN", "IDR"), List.of("USD", "EUR", "IDR", "XXX"));

  @Test
  void writesOnePrettyDocumentAtTheEnd() {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new JsonWriter(sink.out, SPEC);

    writer.row(Rates.table("USD", "EUR", "0.8867606633", "IDR", "14132.9963642813"));
    writer.failed("PLN", "HTTP 500 after 4 attempts");
    writer.row(Rates.table("IDR", "USD", "0.0000707564", "EUR", "6.27E-5"));
    assertThat(sink.text()).as("nothing before end()").isEmpty();
    writer.end();

    // Same layout as Python's json.dumps(doc, indent=2); "dates" is absent as the dates agree.
    assertThat(sink.text())
        .isEqualTo(
            """
            {
              "date": "2019-04-09",
              "bases": [
                "USD",
                "PLN",
                "IDR"
              ],
              "symbols": [
                "USD",
                "EUR",
                "IDR",
                "XXX"
              ],
              "rates": {
                "USD": {
                  "USD": 1,
                  "EUR": 0.8867606633,
                  "IDR": 14132.9963642813,
                  "XXX": null
                },
                "IDR": {
                  "USD": 0.0000707564,
                  "EUR": 0.0000627,
                  "IDR": 1,
                  "XXX": null
                }
              },
              "providers": {
                "USD": null,
                "IDR": null
              },
              "failures": {
                "PLN": "HTTP 500 after 4 attempts"
              }
            }
            """);
    assertThat(sink.lastFlushed()).isEqualTo(sink.text());
  }

  @Test
  void parsesBackWithEveryRateTheShortestDecimalOfItsValue() throws Exception {
    Rates.Sink sink = new Rates.Sink();
    MatrixSpec spec =
        new MatrixSpec(List.of("USD", "EUR", "PLN", "NOK", "CZK", "XAU"), Rates.SEED_SPEC.symbols());
    MatrixWriter writer = new JsonWriter(sink.out, spec);
    List.of(Rates.USD, Rates.EUR, Rates.PLN, Rates.NOK, Rates.CZK).forEach(writer::row);
    writer.row(Rates.table("XAU", "USD", "1.50000", "EUR", "1.23E-9"));
    writer.end();

    Map<String, Object> doc = parse(sink.text());
    Map<?, ?> rates = (Map<?, ?>) doc.get("rates");
    for (var table : List.of(Rates.USD, Rates.EUR, Rates.PLN, Rates.NOK, Rates.CZK)) {
      Map<?, ?> row = (Map<?, ?>) rates.get(table.base());
      table.rates().forEach((symbol, rate) -> assertThat(row.get(symbol)).isEqualTo(rate));
      assertThat(row.get(table.base())).isEqualTo(1);
    }
    // BigDecimal.equals compares the scale too: the shortest decimal, whatever the spelling sent.
    Map<?, ?> xau = (Map<?, ?>) rates.get("XAU");
    assertThat(xau.get("USD")).isEqualTo(new BigDecimal("1.5"));
    assertThat(xau.get("EUR")).isEqualTo(new BigDecimal("1.23E-9"));
    assertThat(sink.text()).contains("0.00000000123").doesNotContain("E-");
    assertThat(doc.get("date")).isEqualTo("2019-04-09");
    assertThat(doc).doesNotContainKey("dates");
    assertThat(doc.get("failures")).isEqualTo(Map.of());
  }

  @Test
  void disagreeingDatesGiveTheLatestAndEachBasesDate() throws Exception {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer =
        new JsonWriter(sink.out, new MatrixSpec(List.of("USD", "EUR", "PLN"), List.of("USD")));

    writer.row(Rates.table("USD", LocalDate.of(2019, 4, 8)));
    writer.row(Rates.table("EUR", LocalDate.of(2019, 4, 9), "USD", "1.1277"));
    writer.failed("PLN", "timeout");
    writer.end();

    Map<String, Object> doc = parse(sink.text());
    assertThat(doc.get("date")).isEqualTo("2019-04-09");
    assertThat(doc.get("dates")).isEqualTo(Map.of("USD", "2019-04-08", "EUR", "2019-04-09"));
    assertThat(sink.text()).contains("\"date\": \"2019-04-09\",\n  \"dates\": {\n");
  }

  @Test
  void everyBaseFailedGivesANullDate() throws Exception {
    Rates.Sink sink = new Rates.Sink();
    MatrixWriter writer = new JsonWriter(sink.out, new MatrixSpec(List.of("USD", "EUR"), List.of("EUR")));

    writer.failed("USD", "HTTP 500 after 4 attempts");
    writer.failed("EUR", "timeout");
    writer.end();

    assertThat(sink.text())
        .isEqualTo(
            """
            {
              "date": null,
              "bases": [
                "USD",
                "EUR"
              ],
              "symbols": [
                "EUR"
              ],
              "rates": {},
              "providers": {},
              "failures": {
                "USD": "HTTP 500 after 4 attempts",
                "EUR": "timeout"
              }
            }
            """);
    Map<String, Object> doc = parse(sink.text());
    assertThat(doc).containsEntry("date", null);
  }
}
