package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's quick exit (libc {@code _exit} after a run whose virtual threads did socket I/O,
 * else a halt) loses nothing: every line reaches stdout and stderr, the output file is in place,
 * and the exit code is the command's. Run in a real child JVM, the way the launcher starts it.
 */
class FastExitTest {
  static final List<String> LIKE_THE_LAUNCHER =
      List.of("-Dfxmatrix.fastExit=true", "--enable-native-access=ALL-UNNAMED");

  @TempDir Path dir;

  Process run(String... args) throws Exception {
    Process child = ChildJvm.start(LIKE_THE_LAUNCHER, dir.resolve("out"), dir.resolve("err"), args);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return child;
  }

  @Test
  void aVirtualRunOnTheDemoApiEndsWithEverythingWritten() throws Exception {
    Path csv = dir.resolve("rates.csv");
    Process child = run("--demo", "--demo-latency", "0ms", "-s", "virtual", "-f", "csv", "-b", "USD,EUR", "-o", csv.toString());

    assertThat(child.exitValue()).isZero();
    assertThat(Files.readString(csv)).isEqualTo("base,USD,EUR,date,provider,cached\nUSD,1,0.85587,2026-04-13,frankfurter,\nEUR,1.1684,1,2026-04-13,frankfurter,\n");
    assertThat(Files.readString(dir.resolve("err"))).startsWith("rates of 2026-04-13\ntime elapsed: ");
    assertThat(Files.readString(dir.resolve("out"))).isEmpty();
  }

  @Test
  void theExitCodeAndTheLastLinesSurvive() throws Exception {
    Process child = run("--demo", "--demo-latency", "0ms", "-s", "virtual", "-b", "USD,XAU", "--symbols", "EUR", "-q");

    assertThat(child.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("out"))).isEqualTo("1 USD =   0.856 EUR\n");
    assertThat(Files.readString(dir.resolve("err")))
        .isEqualTo("fxmatrix: XAU: unknown currency XAU (HTTP 404: not found) (1 attempt)\nfxmatrix: 1 of 2 bases failed\n");
  }

  @Test
  void aHaltedRunKeepsItsCodeAndItsMessage() throws Exception {
    Process child = run("--bases", "US");

    assertThat(child.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("out"))).isEmpty();
    assertThat(Files.readString(dir.resolve("err")))
        .isEqualTo("fxmatrix: --bases: 'US' is not a currency code: use three letters, like USD (see fxmatrix --help)\n");
  }
}
