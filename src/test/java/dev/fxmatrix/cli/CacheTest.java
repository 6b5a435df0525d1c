package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.ChildJvm;
import dev.fxmatrix.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP cache over real HTTP, seen from the server's side: what a second run sends (nothing,
 * a conditional request, or a full one), and what it prints when the server is gone.
 */
class CacheTest {
  static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  /** A Frankfurter v1 that caches like the real one: max-age, a strong ETag of the date, 304s. */
  static final class CachingFrankfurter extends Dispatcher {
    volatile String date = TODAY;
    volatile String cacheControl = "public, max-age=86400";
    volatile int failWith; // 0: answer
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.add(request);
      if (failWith != 0) {
        return new MockResponse.Builder().code(failWith).addHeader("Cache-Control", "no-store").body("{\"message\":\"down\"}").build();
      }
      String etag = "\"" + md5(date) + "\"";
      if (etag.equals(request.getHeaders().get("If-None-Match"))) {
        return new MockResponse.Builder().code(304).addHeader("ETag", etag).addHeader("Cache-Control", cacheControl).build();
      }
      String base = request.getUrl().queryParameter("base");
      String rates = base.equals("USD") ? "{\"EUR\":0.85587}" : "{\"USD\":1.1684}";
      return new MockResponse.Builder()
          .addHeader("Content-Type", "application/json")
          .addHeader("Cache-Control", cacheControl)
          .addHeader("ETag", etag)
          .body("{\"amount\":1.0,\"base\":\"" + base + "\",\"date\":\"" + date + "\",\"rates\":" + rates + "}")
          .build();
    }

    long conditional() {
      return requests.stream().filter(r -> r.getHeaders().get("If-None-Match") != null).count();
    }

    static String md5(String text) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.US_ASCII)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final CachingFrankfurter api = new CachingFrankfurter();

  Cli run(String... options) {
    server.setDispatcher(api);
    List<String> args = new ArrayList<>(List.of("--api-url", server.url("/v1").toString(), "-b", "USD,EUR", "-f", "csv", "-q",
        "--cache-dir", dir.toString(), "--retries", "0"));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aSecondRunWithinMaxAgeSendsNoRequest() {
    Cli first = run();
    Cli second = run();

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(api.requests).as("only the first run's two").hasSize(2);
  }

  @Test
  void afterMaxAgeItRevalidatesAndA304GivesTheSameMatrix() {
    api.cacheControl = "public, max-age=0";
    Cli first = run();
    Cli second = run("-v");

    assertThat(second.out()).isEqualTo(first.out());
    assertThat(api.conditional()).as("If-None-Match sent for both bases").isEqualTo(2);
    assertThat(second.err()).contains("-> 200, revalidated (304)");
  }

  @Test
  void aLatestAnswerIsNotTrustedPastTheEcbsNextPublication() {
    // Cached with a day's max-age, but dated 2026-04-13: the ECB has published since.
    api.date = "2026-04-13";
    run();
    Cli second = run("-v");

    assertThat(api.conditional()).as("asked again despite max-age").isEqualTo(2);
    assertThat(second.err()).contains("revalidated (304)");
    api.date = TODAY; // the server has newer rates now
    Cli third = run();
    assertThat(third.out()).contains(TODAY);
  }

  @Test
  void offlineServesTheCacheAndSendsNothing() {
    run();
    int before = api.requests.size();

    Cli offline = run("--offline");

    assertThat(offline.exitCode()).as(offline.err()).isZero();
    assertThat(api.requests).hasSize(before);
    assertThat(offline.out().lines().skip(1)).allMatch(line -> line.matches(".*,frankfurter,\\d{4}-.*Z"));
  }

  @Test
  void offlineWithoutAnEntryFailsThatBaseClearly() {
    Cli offline = run("--offline");

    assertThat(offline.exitCode()).isEqualTo(1);
    assertThat(offline.err()).contains("fxmatrix: every base: not in the cache (--offline sends no request) (1 attempt)");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void staleIfErrorPrintsTheCachedAnswerWhenTheServerAnswers500() {
    api.cacheControl = "public, max-age=0";
    run();
    api.failWith = 500;

    Cli outage = run("--stale-if-error");

    assertThat(outage.exitCode()).as(outage.err()).isZero();
    assertThat(outage.err())
        .contains("fxmatrix: USD: HTTP 500: down (1 attempt); printed frankfurter's cached answer of " + TODAY + " (fetched ");
    assertThat(outage.out().lines().skip(1)).allMatch(line -> line.matches(".*,frankfurter,\\d{4}-.*Z"));
  }

  @Test
  void staleIfErrorSurvivesARefusedConnectionAndHonoursItsAge() throws IOException {
    api.cacheControl = "public, max-age=0";
    run();
    String url = server.url("/v1").toString();
    server.close(); // nothing listens there now

    List<String> offline = List.of("--api-url", url, "-b", "USD,EUR", "-f", "csv", "-q",
        "--cache-dir", dir.toString(), "--retries", "0");
    Cli fallback = Cli.run(Stream.concat(offline.stream(), Stream.of("--stale-if-error=1h")).toArray(String[]::new));
    Cli tooFresh = Cli.run(Stream.concat(offline.stream(), Stream.of("--stale-if-error=1ms")).toArray(String[]::new));

    assertThat(fallback.exitCode()).as(fallback.err()).isZero();
    assertThat(fallback.err()).contains("connection refused (1 attempt); printed frankfurter's cached answer of");
    assertThat(tooFresh.exitCode()).as("an answer older than --stale-if-error is no answer").isEqualTo(1);
    assertThat(tooFresh.err()).contains("connection refused");
  }

  @Test
  void maxAgeFailsARowWhoseRatesAreTooOld() {
    api.date = "2026-04-13";
    Cli run = run("--max-age", "3d");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("fxmatrix: every base: rates of 2026-04-13 are older than --max-age 3d (1 attempt)");
  }

  /** --max-age is a contract on the rows, not a cache setting: it holds without the cache too. */
  @Test
  void maxAgeHoldsWithoutTheCache() {
    api.date = "2026-04-13";
    server.setDispatcher(api);
    Cli run = Cli.run("--api-url", server.url("/v1").toString(), "-b", "USD,EUR", "-q", "--retries", "0", "--max-age", "3d", "--no-cache");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("rates of 2026-04-13 are older than --max-age 3d");
  }

  @Test
  void withoutMaxAgeOldRatesAreAWarningOnly() {
    api.date = "2026-04-13";
    Cli run = run();

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("fxmatrix: warning: the latest rates of USD, EUR are of 2026-04-13, ");
  }

  @Test
  void aTruncatedOrCorruptEntryIsAMissNeverACrashOrAWrongNumber() throws IOException {
    for (boolean truncated : new boolean[] {true, false}) {
      run();
      try (Stream<Path> files = Files.list(dir.resolve("http"))) {
        for (Path file : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{32}\\.[01]")).toList()) {
          if (truncated && file.toString().endsWith(".1")) {
            Files.writeString(file, "{\"amount\":1.0,\"base\":\"US"); // the body, cut short
          } else if (!truncated && file.toString().endsWith(".0")) {
            Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, '\n', 'x'}); // the headers, garbage
          }
        }
      }
      int before = api.requests.size();
      Cli again = run();

      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("USD,1,0.85587,").contains("EUR,1.1684,1,");
      assertThat(again.err()).doesNotContain("Exception").doesNotContain("malformed");
      assertThat(api.requests.size()).as("asked the server instead").isGreaterThan(before);
    }
  }

  @Test
  void aGarbledEntryLeavesStderrCleanInARealProcess() throws Exception {
    run();
    try (Stream<Path> files = Files.list(dir.resolve("http"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".0")).toList()) {
        Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, '\n', 'x'});
      }
    }
    Process child = ChildJvm.start(dir.resolve("out"), dir.resolve("err"),
        "--api-url", server.url("/v1").toString(), "-b", "USD,EUR", "-q", "--cache-dir", dir.toString());
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("err"))).as("OkHttp's own log stays quiet").isEmpty();
  }

  @Test
  void theCacheFolderIsTheUsersAlone() throws IOException {
    Path nested = dir.resolve("new/cache");
    server.setDispatcher(api);
    Cli.run("--api-url", server.url("/v1").toString(), "-b", "USD", "--symbols", "USD,EUR", "-q", "--cache-dir", nested.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.resolve("http")))).isEqualTo("rwx------");
  }

  @Test
  void twoRunsAtOnceShareOneCacheUnharmed() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        Thread.sleep(300); // long enough for the runs to overlap
        return api.dispatch(request);
      }
    });
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(ChildJvm.start(dir.resolve("out" + i), dir.resolve("err" + i),
          "--api-url", server.url("/v1").toString(), "-b", "USD,EUR", "-f", "csv", "-q", "--cache-dir", dir.resolve("c").toString()));
    }
    for (Process run : runs) {
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).isZero();
    }
    assertThat(Files.readString(dir.resolve("out0"))).isEqualTo(Files.readString(dir.resolve("out1"))).contains("USD,1,0.85587,");
    assertThat(Files.readString(dir.resolve("err0")) + Files.readString(dir.resolve("err1"))).isEmpty();
    Cli after = Cli.run("--api-url", server.url("/v1").toString(), "-b", "USD,EUR", "-q", "--cache-dir", dir.resolve("c").toString(), "--offline");
    assertThat(after.exitCode()).as("the cache is whole afterwards: " + after.err()).isZero();
  }

  @Test
  void theCacheCommandSaysWhereWhatAndOfWhichDateThenClears() {
    run();
    Cli shown = Cli.run("cache", "--cache-dir", dir.toString());
    Cli cleared = Cli.run("cache", "--cache-dir", dir.toString(), "--clear");
    Cli empty = Cli.run("cache", "--cache-dir", dir.toString());

    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("cache: " + dir.resolve("http")).contains("answers: 2 (")
        .contains(TODAY + "  " + server.url("/v1/latest"));
    assertThat(cleared.out()).startsWith("cleared 2 answers from ");
    assertThat(empty.out()).contains("answers: 0 (");
  }

}
