package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.ChildJvm;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FXMATRIX_API_URL}, which only a real process can be given: it stands for {@code --api-url}
 * when that is not given, is checked as strictly, and never stands between a user and {@code --help}.
 */
class ApiUrlFromEnvironmentTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  record Ran(int code, String out, String err) {}

  private Ran run(String apiUrl, String... args) throws IOException, InterruptedException {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("FXMATRIX_API_URL", apiUrl);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(
        ChildJvm.javaCommand(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.fxmatrix.cli.Main"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void isAskedWhenNoApiUrlIsGiven() throws Exception {
    server.setDispatcher(FakeFrankfurter.seed());
    Ran ran = run(server.url("/v1").toString(), "-b", "USD,EUR", "-q", "--no-cache");
    assertThat(ran.err()).isEmpty();
    assertThat(ran.code()).isZero();
    assertThat(ran.out()).startsWith("1 USD =");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aBadOneIsAUsageErrorBeforeAnythingIsSent() throws Exception {
    Ran ran = run("ftp://example.invalid/v1", "-b", "USD,EUR");
    assertThat(ran.code()).isEqualTo(2);
    assertThat(ran.out()).isEmpty();
    assertThat(ran.err()).isEqualTo(
        "fxmatrix: --api-url: 'ftp://example.invalid/v1': not an http(s) URL, like https://api.frankfurter.dev/v1"
            + " (see fxmatrix --help)\n");
  }

  @Test
  void helpIsShownWhateverItHolds() throws Exception {
    Ran ran = run("ftp://example.invalid/v1", "--help");
    assertThat(ran.code()).isZero();
    assertThat(ran.err()).isEmpty();
    assertThat(ran.out()).startsWith("Usage: fxmatrix").contains("FXMATRIX_API_URL");
  }

  @Test
  void anApiUrlGivenReplacesIt() throws Exception {
    server.setDispatcher(FakeFrankfurter.seed());
    Ran ran = run("ftp://example.invalid/v1", "--api-url", server.url("/v1").toString(), "-b", "USD,EUR", "-q", "--no-cache");
    assertThat(ran.err()).isEmpty();
    assertThat(ran.code()).isZero();
  }
}
