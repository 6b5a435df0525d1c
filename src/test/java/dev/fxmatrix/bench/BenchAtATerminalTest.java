package dev.fxmatrix.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fxmatrix.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code fxmatrix bench} in a child JVM under a pseudo-terminal (util-linux {@code script}):
 * the progress line follows stderr, whatever stdout is, and the chart takes the terminal's width.
 */
class BenchAtATerminalTest {
  private static final String BENCH =
      "bench --demo --demo-latency 0ms --runs 2 --warmup 0 --bases USD,EUR";

  @TempDir Path dir;

  @BeforeAll
  static void needsUtilLinuxScript() throws Exception {
    Process probe = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
    String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(probe.waitFor() == 0 && version.contains("util-linux"), "needs util-linux script for a pseudo-terminal");
  }

  @Test
  void stdoutToAFileStillShowsProgressOnTheTerminal() throws Exception {
    Path csv = dir.resolve("bench.csv");
    String terminal = atATerminal(BENCH + " --strategies sequential --format csv > " + csv);

    assertThat(terminal).contains("\rfxmatrix bench: sequential").contains(" 1 of 2");
    assertThat(Files.readString(csv)).startsWith("strategy,").doesNotContain("\r");
  }

  @Test
  void stderrToAFileGetsNoProgress() throws Exception {
    Path log = dir.resolve("bench.log");
    String terminal = atATerminal(BENCH + " --strategies sequential 2> " + log);

    assertThat(terminal).contains("sequential").doesNotContain("\r" + "fxmatrix bench:");
    assertThat(Files.readString(log)).doesNotContain("\r").doesNotContain(" 1 of 2");
  }

  @Test
  void theChartTakesTheTerminalsWidthWithoutColumns() throws Exception {
    String terminal = atATerminal(BENCH + " --strategies sequential,async", "stty cols 120; unset COLUMNS; ");

    String chartLine =
        terminal.lines()
            .map(line -> line.replace("\r", ""))
            .filter(line -> line.startsWith("sequential") && line.contains("█"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no chart line in:\n" + terminal));
    assertThat(chartLine.length()).as(chartLine).isBetween(110, 130); // every chart line is as wide as the chart; at 80 columns ~85
  }

  private String atATerminal(String arguments) throws IOException, InterruptedException {
    return atATerminal(arguments, "");
  }

  /** Runs fxmatrix with {@code arguments} (shell syntax) at a pseudo-terminal; what it showed there. */
  private String atATerminal(String arguments, String shellBefore) throws IOException, InterruptedException {
    String fxmatrix =
        String.join(" ", List.of(quote(ChildJvm.javaCommand()), "--enable-native-access=ALL-UNNAMED", "-cp",
            quote(System.getProperty("java.class.path")), "dev.fxmatrix.cli.Main"));
    Path typescript = dir.resolve("terminal");
    Process script =
        new ProcessBuilder("script", "--quiet", "--return", "--command", shellBefore + fxmatrix + " " + arguments, typescript.toString())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(dir.resolve("script.out").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(Files.readString(dir.resolve("script.out"))).isZero();
    return Files.readString(typescript);
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
