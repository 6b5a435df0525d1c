package dev.fxmatrix.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

/**
 * Not a test: measures, in a fresh JVM, what the demo API adds to start-up. Prints milliseconds since
 * {@code main} began at each step. Run it many times and take medians, e.g.
 *
 * <pre>
 * mvn -q -B package -DskipTests &amp;&amp; mvn -q -B test-compile
 * java -cp target/fxmatrix.jar:target/test-classes dev.fxmatrix.demo.DemoStartupProbe server /latest
 * java -cp target/fxmatrix.jar:target/test-classes dev.fxmatrix.demo.DemoStartupProbe server /2005-06-15
 * java -cp target/fxmatrix.jar:target/test-classes dev.fxmatrix.demo.DemoStartupProbe fixture /latest
 * java -cp target/fxmatrix.jar:target/test-classes dev.fxmatrix.demo.DemoStartupProbe history 2005-06-15
 * </pre>
 *
 * {@code fixture} serves a one-line CSV instead of the bundled file: the difference to {@code server}
 * is what reading the ECB file costs. {@code history} times the lookup alone, without HTTP.
 */
public final class DemoStartupProbe {
  private DemoStartupProbe() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String mode = args[0];
    String what = args[1];
    StringBuilder report = new StringBuilder(mode + " " + what);
    if (mode.equals("history")) {
      if (what.equals("latest")) {
        EcbHistory.bundled().newest();
      } else {
        // Not LocalDate.parse: its formatter costs ~15 ms cold and would blur the lookup's cost.
        String[] ymd = what.split("-");
        LocalDate date = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
        EcbHistory.bundled().dayFor(date);
      }
      lap(report, "looked-up", start);
    } else {
      EcbHistory history =
          mode.equals("fixture") ? EcbHistory.fromCsv("Date,USD,\n2026-04-13,1.1684,\n") : EcbHistory.bundled();
      try (FxApiServer server = FxApiServer.start(ServerOptions.defaults(), history)) {
        lap(report, "started", start);
        // An unclosed java.net.http client delays the JVM's exit by ~0.4 s: close it too.
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
          lap(report, "client", start);
          HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + what)).build();
          int status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
          lap(report, "first-answer-" + status, start);
          client.send(request, HttpResponse.BodyHandlers.ofString());
          lap(report, "second-answer", start);
        }
      }
      lap(report, "closed", start);
    }
    System.out.println(report);
  }

  private static void lap(StringBuilder report, String step, long start) {
    report.append(String.format("  %s=%.1fms", step, (System.nanoTime() - start) / 1e6));
  }
}
