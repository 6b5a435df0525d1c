package dev.fxmatrix.demo;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The ECB's own reference-rate files below {@code /stats/eurofxref}: {@code eurofxref-daily.xml}
 * (the newest day), {@code eurofxref-hist-90d.xml} (the days of the last 90 calendar days of the
 * data), {@code eurofxref-hist.xml} (all), newest day first, in the ECB's gesmes envelope and its
 * order of currencies. The digits are the CSV's: the ECB's CSV drops the trailing zeros its XML
 * keeps ({@code 366.9} where the XML says {@code 366.90}), so those cannot be given back.
 *
 * <p>{@code Last-Modified} is the newest day's publication (16:00 Frankfurt time), and {@code
 * If-Modified-Since} on or after it gets a 304.
 */
final class EcbFiles implements DialectRoutes {
  private static final String DIRECTORY = "/stats/eurofxref/";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final EcbHistory history;

  EcbFiles(EcbHistory history) {
    this.history = history;
  }

  @Override
  public ApiResponse answer(ApiRequest request) {
    EcbDay newest = history.newest();
    List<EcbDay> days =
        switch (request.path()) {
          case DIRECTORY + "eurofxref-daily.xml" -> List.of(newest);
          case DIRECTORY + "eurofxref-hist-90d.xml" -> history.between(newest.date().minusDays(90), newest.date());
          case DIRECTORY + "eurofxref-hist.xml" -> history.all();
          default -> null;
        };
    if (days == null) {
      return ApiResponse.of(404, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
              + "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>")
          .with("Cache-Control", ApiResponse.NO_STORE);
    }
    ZonedDateTime published = newest.date().atTime(LocalTime.of(16, 0)).atZone(ZoneId.of("Europe/Berlin"));
    String lastModified = HTTP_DATE.format(published.withZoneSameInstant(ZoneOffset.UTC));
    if (notModifiedSince(request.header("If-Modified-Since"), published)) {
      return ApiResponse.empty(304).with("Last-Modified", lastModified);
    }
    return ApiResponse.of(200, "text/xml", xml(days)).with("Last-Modified", lastModified);
  }

  private String xml(List<EcbDay> oldestFirst) {
    List<String> order = history.currencyOrder();
    StringBuilder xml = new StringBuilder(oldestFirst.size() * 1200 + 400);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" ")
        .append("xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n")
        .append("\t<gesmes:subject>Reference rates</gesmes:subject>\n")
        .append("\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n")
        .append("\t<Cube>\n");
    for (EcbDay day : oldestFirst.reversed()) {
      xml.append("\t\t<Cube time='").append(day.date()).append("'>\n");
      for (String code : order) {
        var rate = day.perEuro().get(code);
        if (rate != null) {
          xml.append("\t\t\t<Cube currency='").append(code).append("' rate='").append(rate.toPlainString()).append("'/>\n");
        }
      }
      xml.append("\t\t</Cube>\n");
    }
    return xml.append("\t</Cube>\n</gesmes:Envelope>\n").toString();
  }

  private static boolean notModifiedSince(String header, ZonedDateTime published) {
    if (header == null) {
      return false;
    }
    try {
      return !ZonedDateTime.parse(header.strip(), HTTP_DATE).isBefore(published.withNano(0));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
