package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o FILE}: written atomically, only when every base succeeded (or with {@code
 * --allow-partial}); a failed run leaves the previous file exactly as it was and no temp file.
 */
class OutputFileTest {
  static final String OLD = "the previous run's matrix\n";
  static final Instant OLD_TIME = Instant.parse("2001-02-03T04:05:06Z");
  static final String TABLE_WITHOUT_PLN = MatrixCommandTest.SEED_TABLE.replaceAll("(?m)^1 PLN.*\n", "");

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path folder;
  Path file;

  final FakeFrankfurter api = FakeFrankfurter.seed();
  volatile String failingBase; // answered with 500, if set
  final List<List<String>> folderDuringRequests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() {
    file = folder.resolve("rates.txt");
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            folderDuringRequests.add(names(folder));
            if (request.getUrl().queryParameter("base").equals(failingBase)) {
              return new MockResponse.Builder().code(500).build();
            }
            return api.dispatch(request);
          }
        });
  }

  Cli run(String... options) {
    List<String> args = new ArrayList<>(List.of("--api-url", server.url("/v1").toString(), "--retries", "0", "-o", file.toString()));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  void writeOldFile() throws IOException {
    Files.writeString(file, OLD);
    Files.setLastModifiedTime(file, FileTime.from(OLD_TIME));
  }

  void assertOldFileUntouched() throws IOException {
    assertThat(Files.readString(file)).isEqualTo(OLD);
    assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(OLD_TIME);
  }

  static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void writesTheMatrixToTheFileAndNothingToStdout() throws IOException {
    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void writesThroughATempFileInTheSameFolder() {
    run("-q", "--strategy", "sequential");

    // While the requests were out, the only file in the folder was the hidden temporary one.
    assertThat(folderDuringRequests).isNotEmpty().allSatisfy(names ->
        assertThat(names).singleElement().asString().startsWith(".rates.txt.").endsWith(".tmp"));
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void replacesThePreviousFileOnSuccess() throws IOException {
    writeOldFile();

    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void aFailedBaseLeavesThePreviousFileExactlyAsItWas() throws IOException {
    writeOldFile();
    failingBase = "PLN";

    Cli run = run();

    assertThat(run.exitCode()).isEqualTo(1);
    assertOldFileUntouched();
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("fxmatrix: PLN: HTTP 500 (1 attempt)\n")
        .contains("not writing " + file)
        .contains("--allow-partial");
  }

  @Test
  void aFailedRunWithoutAPreviousFileCreatesNone() {
    failingBase = "PLN";

    Cli run = run("-q");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(names(folder)).isEmpty();
  }

  @Test
  void allowPartialWritesTheRowsThatSucceeded() throws IOException {
    writeOldFile();
    failingBase = "PLN";

    Cli run = run("-q", "--allow-partial");

    assertThat(run.exitCode()).isEqualTo(1); // still a failure, for the cron job's sake
    assertThat(Files.readString(file)).isEqualTo(TABLE_WITHOUT_PLN);
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(run.err()).contains("fxmatrix: PLN: HTTP 500 (1 attempt)\n");
  }

  @Test
  void allowPartialJsonNamesTheFailure() throws IOException {
    failingBase = "PLN";

    Cli run = run("-q", "--allow-partial", "-f", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("failures").get("PLN").asText()).isEqualTo("HTTP 500 (1 attempt)");
    assertThat(json.get("rates").has("PLN")).isFalse();
    assertThat(json.get("rates").has("USD")).isTrue();
  }

  @Test
  void allowPartialWithEveryBaseSucceedingIsAnOrdinaryRun() throws IOException {
    Cli run = run("-q", "--allow-partial");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(MatrixCommandTest.SEED_TABLE);
  }

  @Test
  void badUsageLeavesThePreviousFileAlone() throws IOException {
    writeOldFile();

    Cli run = run("--threads", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertOldFileUntouched();
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFolderIsNotAnOutputFile() throws IOException {
    Cli run = Cli.run("--api-url", server.url("/v1").toString(), "-o", folder.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--output").contains("is a folder");
    assertThat(server.getRequestCount()).isZero();
  }
}
