package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.fxmatrix.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in a real process: in-flight calls are cancelled, exit code 130, the old output kept. */
class InterruptTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @Test
  void ctrlCExits130AndLeavesThePreviousOutputFileAsItWas() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().body("{}").headersDelay(60, TimeUnit.SECONDS).build());
    }
    Path output = dir.resolve("rates.csv");
    Files.writeString(output, "yesterday's rates\n");
    Process child =
        ChildJvm.start(
            dir.resolve("stdout"),
            dir.resolve("stderr"),
            "--api-url", server.url("/v1").toString(), "-s", "virtual", "-f", "csv", "-o", output.toString());
    server.takeRequest(30, TimeUnit.SECONDS); // the run is under way, its calls in flight
    assumeFalse(ChildJvm.ignoresSigint(child.pid()), "SIGINT is ignored here, as in a background job, and cannot be reset");

    ChildJvm.signal("INT", child.pid());

    assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exits promptly").isTrue();
    assertThat(child.exitValue()).isEqualTo(130);
    assertThat(Files.readString(output)).isEqualTo("yesterday's rates\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rates.csv", "stdout", "stderr");
    }
    assertThat(Files.readString(dir.resolve("stdout"))).isEmpty();
    assertThat(Files.readString(dir.resolve("stderr"))).isEqualTo("fxmatrix: interrupted\n");
  }
}
