package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.ChildJvm;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's script example ("Cron and scripts"), run as written by a real shell, with a
 * stand-in {@code ./fxmatrix} that runs this build's classes (the real launcher may build the jar
 * with Maven first, which a test must not do) against a local Frankfurter stand-in.
 */
class ReadmeScriptTest {
  static final Pattern SCRIPT = Pattern.compile("```sh\n(if [^`]*?\\bcase [^`]*?)```");
  static final Pattern BRANCH = Pattern.compile("(?m)^\\s*(\\d+)\\) echo \"([^\"]*)\"");

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  String script;
  Map<Integer, String> branches;
  volatile String unknownBase; // answered 404 (never retried), if set

  @BeforeEach
  void setUp() throws IOException {
    Matcher block = SCRIPT.matcher(Files.readString(Path.of("README.md")));
    assertThat(block.find()).as("README.md has the script example").isTrue();
    script = block.group(1);
    branches = new HashMap<>();
    for (Matcher branch = BRANCH.matcher(script); branch.find(); ) {
      branches.put(Integer.parseInt(branch.group(1)), branch.group(2));
    }
    assertThat(branches).containsKeys(1, 2);

    FakeFrankfurter api = FakeFrankfurter.seed();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().queryParameter("base").equals(unknownBase)) {
              return new MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build();
            }
            return api.dispatch(request);
          }
        });

    Path launcher = dir.resolve("fxmatrix");
    Files.writeString(launcher,
        "#!/bin/sh\nexec '" + ChildJvm.javaCommand() + "' -XX:TieredStopAtLevel=1 -cp '"
            + System.getProperty("java.class.path") + "' dev.fxmatrix.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Ran(int code, String out, String err) {}

  Ran runScript(String shell, String apiUrl) throws IOException, InterruptedException {
    Path out = dir.resolve("script.out");
    Path err = dir.resolve("script.err");
    ProcessBuilder builder =
        new ProcessBuilder(shell, "-e", "-c", script).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("FXMATRIX_API_URL", apiUrl);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** With {@code -e}, as the README says it also runs under {@code set -e}. */
  @ParameterizedTest(name = "{0} -e")
  @ValueSource(strings = {"sh", "bash"})
  void eachBranchIsReached(String shell) throws Exception {
    Path rates = dir.resolve("rates.csv");

    Ran ok = runScript(shell, server.url("/v1").toString());
    assertThat(ok.err()).isEmpty();
    assertThat(Files.readString(rates)).startsWith("base,USD,EUR,PLN,NOK,CZK,date,provider,cached\n");
    String written = Files.readString(rates);

    unknownBase = "PLN";
    Ran failed = runScript(shell, server.url("/v1").toString());
    assertThat(failed.err()).contains("fxmatrix: PLN: ").endsWith(branches.get(1) + "\n");
    assertThat(Files.readString(rates)).as("kept as it was").isEqualTo(written);

    Ran bad = runScript(shell, "ftp://example.invalid/v1");
    assertThat(bad.err()).contains("--api-url").endsWith(branches.get(2) + "\n");
  }
}
