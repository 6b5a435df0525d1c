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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writing to stdout, in real processes (the JVM's own file descriptor 1): a write that fails is
 * an error with its reason and exit code 1, whatever the command; a reader that leaves early
 * ({@code | head -1}) is not, and the run stops soon after.
 */
class StdoutErrorsTest {
  static final String FULL = "fxmatrix: cannot write to stdout: No space left on device\n";
  static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  static final List<String> QUICK_DEMO = List.of("--demo", "--demo-latency", "0ms", "--demo-jitter", "0ms", "-b", "USD,EUR");

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  record Ended(int code, String err) {}

  /** Runs fxmatrix with {@code args} and stdout on /dev/full. */
  Ended toFullDevice(String... args) throws IOException, InterruptedException {
    Path err = dir.resolve("stderr");
    Process child = ChildJvm.start(QUICK_JVM, Path.of("/dev/full"), err, args);
    child.getOutputStream().close();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("ends").isTrue();
    return new Ended(child.exitValue(), Files.readString(err));
  }

  static List<String> demo(String... more) {
    List<String> args = new ArrayList<>(QUICK_DEMO);
    args.addAll(List.of(more));
    return args;
  }

  @ParameterizedTest(name = "-f {0}")
  @ValueSource(strings = {"table", "grid", "csv", "json"})
  void aFullStdoutIsAnErrorInEveryFormat(String format) throws Exception {
    Ended run = toFullDevice(demo("-q", "-f", format).toArray(String[]::new));

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(FULL);
  }

  @Test
  void aFullStdoutIsAnErrorForBench() throws Exception {
    Ended run = toFullDevice("bench", "--demo", "--demo-latency", "0ms", "--runs", "1", "--warmup", "0",
        "--strategies", "sequential", "-b", "USD,EUR");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).endsWith(FULL);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--help", "--version", "serve --help", "bench --help"})
  void aFullStdoutIsAnErrorForHelpAndVersion(String args) throws Exception {
    Ended run = toFullDevice(args.split(" "));

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(FULL);
  }

  @Test
  void aClosedStdoutIsAnError() throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" >&-", "sh"));
    command.addAll(javaCommand());
    command.addAll(demo("-q"));
    Process child = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();

    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("stderr"))).isEqualTo("fxmatrix: cannot write to stdout: Bad file descriptor\n");
  }

  @Test
  void aReaderThatLeavesIsNotAFailureAndTheRunStopsSoon() throws Exception {
    FakeFrankfurter api = FakeFrankfurter.synthetic(20).delay(200);
    server.setDispatcher(api);
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(List.of("--api-url", server.url("/v1").toString(), "-s", "sequential", "-q",
        "-b", String.join(",", api.currencies())));
    Process child = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
    child.getInputStream().close(); // the reader leaves before the first row: `| head -0`

    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("stderr"))).isEmpty();
    // Sequential: 20 requests of 200 ms were to come; it stopped at the first row it could not print.
    assertThat(server.getRequestCount()).isLessThan(5);
  }

  @Test
  void aReaderThatLeavesDuringHelpIsNotAFailure() throws Exception {
    List<String> command = new ArrayList<>(javaCommand());
    command.add("--help");
    Process child = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
    child.getInputStream().close();

    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("stderr"))).isEmpty();
  }

  @Test
  void aSymlinkToStdoutWritesToWhatStdoutIs() throws Exception {
    // /dev/stdout is such a link; one of our own, so that no run can replace the machine's.
    Path link = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/proc/self/fd/1"));
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(demo("-q", "-f", "csv", "-o", link.toString()));
    Process child = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();

    String out = new String(child.getInputStream().readAllBytes());

    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(out).startsWith("base,USD,EUR,date,provider,cached\nUSD,1,");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/proc/self/fd/1"));
    assertThat(Files.readString(dir.resolve("stderr"))).isEmpty();
  }

  static List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.javaCommand());
    command.addAll(QUICK_JVM);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.fxmatrix.cli.Main"));
    return command;
  }
}
