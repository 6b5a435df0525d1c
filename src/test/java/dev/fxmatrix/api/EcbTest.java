package dev.fxmatrix.api;

import static dev.fxmatrix.api.ProviderHttp.answer;
import static dev.fxmatrix.api.ProviderHttp.body;
import static dev.fxmatrix.api.ProviderHttp.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The ECB's own files over real HTTP: the daily and 90-day XML built from the ECB's data, the full
 * history as the ECB's own zip (the copy bundled for the demo API), and the cross rates compared
 * with what Frankfurter v1 answers for the same ECB day.
 */
class EcbTest {
  static final LocalDate APRIL_13 = LocalDate.of(2026, 4, 13);
  static final List<String> EVERY = Providers.EVERY_CODE_BUT_EUR;
  static final List<String> EVERY_AND_EUR = Stream.concat(EVERY.stream(), Stream.of("EUR")).toList();
  /** The ECB's eurofxref-hist.zip, byte for byte, up to 2026-04-13 (see the demo's SOURCE.md). */
  static final String HISTORY_ZIP = "/dev/fxmatrix/demo/eurofxref-hist.zip";

  @StartStop final MockWebServer server = new MockWebServer();

  /** On the morning after the newest day of the fixtures. */
  Ecb provider() {
    return new Ecb(server.url("/stats/eurofxref"), "fxmatrix/test", Clock.fixed(Instant.parse("2026-04-14T08:00:00Z"), ZoneOffset.UTC));
  }

  /** The EUR table of {@code file} served and fetched as the engine does, for {@code date}. */
  RateTable whole(String file, LocalDate date) throws ApiException {
    server.enqueue(answer(200, fixture(file)));
    return provider().read("EUR", EVERY, date, body(provider().request("EUR", EVERY, date, 1)));
  }

  @Test
  void asksForTheDailyFileForTheLatestAndAHistoryForADate() throws Exception {
    whole("ecb-daily-2026-04-13.xml", null);
    whole("ecb-hist-90d-newest-days.xml", APRIL_13);

    assertThat(server.takeRequest().getTarget()).isEqualTo("/stats/eurofxref/eurofxref-daily.xml");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/stats/eurofxref/eurofxref-hist-90d.xml");
    assertThat(path(LocalDate.of(2026, 1, 30))).isEqualTo("/stats/eurofxref/eurofxref-hist-90d.xml"); // 74 days back
    assertThat(path(LocalDate.of(2026, 1, 29))).isEqualTo("/stats/eurofxref/eurofxref-hist.zip"); // its lookback would leave the 90 days
    assertThat(path(LocalDate.of(2022, 7, 8))).isEqualTo("/stats/eurofxref/eurofxref-hist.zip");
  }

  private String path(LocalDate date) {
    return provider().request("USD", List.of("EUR"), date, 1).url().encodedPath();
  }

  @Test
  void theEurRowIsTheEcbsDigitsAsSent() throws Exception {
    RateTable daily = whole("ecb-daily-2026-04-13.xml", null);

    assertThat(daily.base()).isEqualTo("EUR");
    assertThat(daily.date()).isEqualTo(APRIL_13);
    assertThat(daily.provider()).isEqualTo("ecb");
    assertThat(daily.rates()).hasSize(29).doesNotContainKeys("EUR", "BGN"); // BGN ended with 2025
    assertThat(plain(daily.rates())).containsEntry("USD", "1.1684").containsEntry("IDR", "20082.05").containsEntry("HUF", "366.9");
    // The notes' 2022-07-08 file writes PLN with its trailing zero
    assertThat(whole("ecb-daily-2022-07-08.xml", null).rates().get("PLN")).hasToString("4.7630");
  }

  @Test
  void crossRatesAreFrankfurterV1sForTheSameDay() throws Exception {
    RateTable daily = whole("ecb-daily-2026-04-13.xml", null);

    RateTable usd = provider().derive(daily, "USD", EVERY_AND_EUR);

    assertThat(usd.base()).isEqualTo("USD");
    assertThat(usd.date()).isEqualTo(APRIL_13);
    assertThat(plain(usd.rates()))
        .containsEntry("EUR", "0.85587") // 1 / 1.1684
        .containsEntry("PLN", "3.6411") // 4.2543 / 1.1684
        .containsEntry("JPY", "159.83") // 186.75 / 1.1684
        .containsEntry("IDR", "17188") // round(20082.05) / 1.1684 = 17187.6
        .containsEntry("CHF", "0.791") // 0.9242 / 1.1684 = 0.79100
        .doesNotContainKeys("USD", "BGN");
    assertThat(usd.rates()).hasSize(29);
    assertThat(provider().derive(daily, "EUR", List.of("USD", "BGN")).rates()).containsOnlyKeys("USD");
  }

  /**
   * A real answer of Frankfurter v1 ({@code /v1/2025-01-31?base=AUD}, recorded in a public client's
   * test fixture) against the ECB's full history: every cell, digit for digit.
   */
  @Test
  void aDayOfTheFullHistoryGivesFrankfurtersCellsDigitForDigit() throws Exception {
    var recorded =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readTree(fixture("/dev/fxmatrix/demo/frankfurter-2025-01-31-base-AUD.json"));
    Map<String, String> expected = new TreeMap<>();
    recorded.get("rates").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));

    RateTable whole = whole(HISTORY_ZIP, LocalDate.of(2025, 1, 31));
    RateTable aud = provider().derive(whole, "AUD", List.copyOf(expected.keySet()));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/stats/eurofxref/eurofxref-hist.zip");
    assertThat(aud.date()).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(new TreeMap<>(plain(aud.rates()))).containsExactlyEntriesOf(expected);
  }

  /** The notes' Frankfurter v1 answer for USD on 2025-04-11: AUD 1.6042, EUR 0.88137, IDR 16855. */
  @Test
  void theNotesFrankfurterSampleComesOutOfTheHistory() throws Exception {
    RateTable usd = provider().derive(whole(HISTORY_ZIP, LocalDate.of(2025, 4, 11)), "USD", List.of("AUD", "EUR", "IDR"));

    assertThat(plain(usd.rates())).containsOnly(Map.entry("AUD", "1.6042"), Map.entry("EUR", "0.88137"), Map.entry("IDR", "16855"));
  }

  @Test
  void aDateWithoutPublicationTakesTheLastOneUpToFourteenDaysBack() throws Exception {
    assertThat(whole("ecb-hist-90d-newest-days.xml", APRIL_13).date()).isEqualTo(APRIL_13);
    assertThat(whole("ecb-hist-90d-newest-days.xml", LocalDate.of(2026, 4, 14)).date()).isEqualTo(APRIL_13);
    // Easter Sunday: back past Good Friday (no publication) to Thursday
    assertThat(whole("ecb-hist-90d-newest-days.xml", LocalDate.of(2026, 4, 5)).date()).isEqualTo(LocalDate.of(2026, 4, 2));
    // and the full history, a weekend of 2022
    assertThat(whole(HISTORY_ZIP, LocalDate.of(2022, 7, 10)).date()).isEqualTo(LocalDate.of(2022, 7, 8));
    assertThatThrownBy(() -> whole(HISTORY_ZIP, LocalDate.of(1998, 12, 20)))
        .hasMessage("ecb has no rates for 1998-12-20 nor the 14 days before (its file has 1999-01-04 to 2026-04-13)");
  }

  @Test
  void aBaseTheDayLacksIsNotCarriedAndMovesOn() throws Exception {
    RateTable daily = whole("ecb-daily-2026-04-13.xml", null);

    assertThatThrownBy(() -> provider().derive(daily, "BGN", List.of("EUR")))
        .isInstanceOf(ApiException.class)
        .hasMessage("ecb does not carry BGN on 2026-04-13");
  }

  @Test
  void withoutTheAskedDateOnlyAFileOfOneDayIsRead() throws Exception {
    assertThat(provider().read("EUR", List.of("USD"), fixture("ecb-daily-2026-04-13.xml")).date()).isEqualTo(APRIL_13);
    assertThatThrownBy(() -> provider().read("EUR", List.of("USD"), fixture("ecb-hist-90d-newest-days.xml")))
        .hasMessage("ecb: a file of 8 days, read without the date asked for");
  }

  @Test
  void refusesWhatIsNotTheEcbsFile() throws Exception {
    assertThat(refusal("")).isEqualTo("malformed response: empty body");
    assertThat(refusal("<html><body><h1>Service unavailable</h1></body></html>"))
        .isEqualTo("malformed response: not the ECB's gesmes XML (it starts with <html>)");
    assertThat(refusal("Service unavailable")).startsWith("malformed response: not XML (");
    assertThat(refusal(day("<Cube currency='USD' rate='-1.1684'/>"))).isEqualTo("malformed response: rate of USD is \"-1.1684\", not a positive number");
    assertThat(refusal(day("<Cube currency='USD' rate='1e3'/>"))).isEqualTo("malformed response: rate of USD is \"1e3\", not a positive number");
    assertThat(refusal(day("<Cube currency='USD' rate='0.0000'/>"))).isEqualTo("malformed response: rate of USD is \"0.0000\", not a positive number");
    assertThat(refusal(day("<Cube currency='USD'/>"))).isEqualTo("malformed response: rate of USD is missing, not a positive number");
    assertThat(refusal(day("<Cube currency='usd' rate='1.1'/>"))).isEqualTo("malformed response: currency \"usd\" is not a three-letter code");
    assertThat(refusal(day("<Cube currency='USD' rate='1.1'/><Cube currency='USD' rate='1.2'/>"))).isEqualTo("malformed response: USD twice on 2026-04-13");
    assertThat(refusal(day(""))).isEqualTo("malformed response: no rates on 2026-04-13");
    assertThat(refusal(ENVELOPE.formatted("<Cube><Cube time='2999-01-01'><Cube currency='USD' rate='1.1'/></Cube></Cube>")))
        .isEqualTo("malformed response: date 2999-01-01 is in the future");
    assertThat(refusal(ENVELOPE.formatted("<Cube><Cube currency='USD' rate='1.1'/></Cube>")))
        .isEqualTo("malformed response: a rate outside any day's <Cube time=...>");
    assertThat(refusal(ENVELOPE.formatted("<Cube></Cube>"))).isEqualTo("malformed response: no day of rates in it");
  }

  @Test
  void neverReadsADocumentTypeNorItsEntities() {
    String external =
        "<?xml version='1.0'?><!DOCTYPE gesmes:Envelope [<!ENTITY rate SYSTEM 'file:///etc/hostname'>]>"
            + ENVELOPE.formatted("<Cube><Cube time='2026-04-13'><Cube currency='USD' rate='&rate;'/></Cube></Cube>");

    assertThat(refusal(external)).isEqualTo("malformed response: a DTD, which the ECB's files do not have");
  }

  @Test
  void refusesAZipThatIsNotTheHistory() throws Exception {
    assertThatThrownBy(() -> provider().read("EUR", EVERY, APRIL_13, zip("eurofxref-hist.xml", "<gesmes:Envelope/>")))
        .hasMessage("malformed response: a zip without the history's CSV");
    assertThatThrownBy(() -> provider().read("EUR", EVERY, APRIL_13, zip("eurofxref-hist.csv", "Day,USD,\n2026-04-13,1.1684,\n")))
        .hasMessage("malformed response: the history's CSV does not start with Date,USD,...");
    assertThatThrownBy(() -> provider().read("EUR", EVERY, APRIL_13, zip("eurofxref-hist.csv", "Date,USD,JPY,\n2026-04-13,1.1684,\n")))
        .hasMessage("malformed response: the line of 2026-04-13 has 3 fields, the header 4");
    assertThat(provider().read("EUR", EVERY, APRIL_13, zip("eurofxref-hist.csv", "Date,USD,BGN,\n2026-04-13,1.1684,N/A,\n")).rates())
        .containsOnlyKeys("USD");
  }

  @Test
  void theFullHistoryNeedsMoreThanTheCommonBodyCap() {
    int historySize = fixture(HISTORY_ZIP).length;

    assertThat(historySize).isGreaterThan(Provider.MAX_BODY_BYTES);
    assertThat(provider().maxBodyBytes()).isGreaterThan(historySize * 4);
  }

  @Test
  void namesTheCurrenciesOfTheLatestDayAndEur() throws Exception {
    server.enqueue(answer(200, fixture("ecb-daily-2026-04-13.xml")));

    var names = provider().readCurrencies(body(provider().currenciesRequest()));

    assertThat(names).hasSize(30).containsEntry("EUR", "Euro").containsEntry("USD", "US Dollar").containsEntry("PLN", "Polish Zloty");
  }

  @Test
  void explainsA404AsAWrongFolder() {
    assertThat(provider().explain(404, new byte[0], "EUR", EVERY, null))
        .startsWith("HTTP 404: no eurofxref-daily.xml at http://")
        .endsWith("/stats/eurofxref (is it the ECB's eurofxref folder, like https://www.ecb.europa.eu/stats/eurofxref?)");
  }

  @Test
  void theEngineAsksOnceForTheWholeMatrix() throws Exception {
    server.enqueue(answer(200, fixture("ecb-daily-2026-04-13.xml")));

    List<Outcome> outcomes =
        ProviderHttp.fetch(List.of(new Endpoint(Ecb.NAME, List.of(server.url("/stats/eurofxref").toString()))), null,
            new Job(0, "USD", List.of("EUR", "PLN")), new Job(1, "EUR", List.of("USD", "PLN")), new Job(2, "BGN", List.of("EUR")));

    assertThat(outcomes.get(0)).isInstanceOfSatisfying(Outcome.Fetched.class, fetched ->
        assertThat(plain(fetched.rates().rates())).containsOnly(Map.entry("EUR", "0.85587"), Map.entry("PLN", "3.6411")));
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(Outcome.Fetched.class, fetched ->
        assertThat(plain(fetched.rates().rates())).containsOnly(Map.entry("USD", "1.1684"), Map.entry("PLN", "4.2543")));
    assertThat(outcomes.get(2)).isInstanceOfSatisfying(Outcome.Failed.class, failed ->
        assertThat(failed.reason()).isEqualTo("ecb does not carry BGN on 2026-04-13"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  static final String ENVELOPE =
      "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01' xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'>"
          + "<gesmes:subject>Reference rates</gesmes:subject>%s</gesmes:Envelope>";

  private static String day(String cubes) {
    return ENVELOPE.formatted("<Cube><Cube time='2026-04-13'>" + cubes + "</Cube></Cube>");
  }

  private String refusal(String body) {
    return ProviderHttp.refusal(provider(), "EUR", EVERY, APRIL_13, body);
  }

  private static byte[] zip(String name, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  private static Map<String, String> plain(Map<String, BigDecimal> rates) {
    Map<String, String> plain = new LinkedHashMap<>();
    rates.forEach((code, rate) -> plain.put(code, rate.toPlainString()));
    return plain;
  }
}
