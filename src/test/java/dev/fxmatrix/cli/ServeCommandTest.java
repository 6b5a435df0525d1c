package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.testing.LocalHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ServeCommandTest {
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  @Test
  void servesUntilTheServerIsClosedAndLogsRequests() {
    List<Integer> statuses = new ArrayList<>();
    ServeCommand command =
        new ServeCommand(
            server -> {
              statuses.add(LocalHttp.get(server, "/latest?base=USD").status());
              server.close();
            });

    int exit = run(command, "--port", "0", "--latency", "10ms", "--seed", "1");

    assertThat(exit).isZero();
    assertThat(statuses).containsExactly(200);
    assertThat(err.toString())
        .containsPattern(
            "\\Afxmatrix serve: frankfurter API listening on 127\\.0\\.0\\.1:(\\d+); "
                + "pass --api-url frankfurter=http://127\\.0\\.0\\.1:\\1/v1 "
                + "\\(ECB rates up to 2026-04-13; Ctrl-C to stop\\)\\R")
        .containsPattern("Z GET /v1/latest\\?base=USD 200 \\d+ms\\R")
        .contains("fxmatrix serve: stopped after 1 requests");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void quietLeavesTheRequestLogOut() {
    ServeCommand command =
        new ServeCommand(
            server -> {
              LocalHttp.get(server, "/latest");
              server.close();
            });

    assertThat(run(command, "--port", "0", "-q")).isZero();
    assertThat(err.toString()).contains("listening on").doesNotContain("GET /v1/latest");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--port       | 70000 | '70000' is not a port; give 0 to 65535",
        "--port       | -1    | '-1' is not a port; give 0 to 65535",
        "--port       | http  | 'http' is not a port; give 0 to 65535",
        "--error-rate | 1.5   | '1.5' is not a share of requests; give 0 to 1, e.g. 0.05",
        "--error-rate | NaN   | 'NaN' is not a share of requests; give 0 to 1, e.g. 0.05",
        "--rate-limit | 0     | '0' is not a rate limit; give a whole number of requests a second, 1 or more",
        "--latency    | 5     | '5' is not a duration; give a number and a unit, like 500ms, 10s or 1.5s",
        "--latency    | -5ms  | '-5ms' is not a duration; give a number and a unit, like 500ms, 10s or 1.5s",
        "--jitter     | soon  | 'soon' is not a duration; give a number and a unit, like 500ms, 10s or 1.5s",
        "--seed       | x     | 'x' is not a seed; give a whole number",
        "--dialect    | fixer | 'fixer' is not a dialect; give one of frankfurter, frankfurter-v2, open-er-api, currency-api, ecb",
      })
  void invalidOptionsAreOneLineUsageErrorsNamingTheOptionValueAndWhatIsAllowed(String option, String value, String problem) {
    ServeCommand command = new ServeCommand(server -> {
      throw new AssertionError("must not start");
    });

    int exit = run(command, option, value);

    assertThat(exit).isEqualTo(2);
    // picocli says "Invalid value for option '--port': ..."; the tool's handler rewrites that prefix.
    assertThat(err.toString().lines().findFirst().orElseThrow()).contains("'" + option + "': " + problem);
  }

  @Test
  void theFirstLineSaysTheAddressActuallyBound() {
    ServeCommand command = new ServeCommand(FxApiServer::close);

    assertThat(run(command, "--host", "0.0.0.0", "--port", "0")).isZero();
    assertThat(err.toString())
        .containsPattern("\\Afxmatrix serve: frankfurter API listening on 0\\.0\\.0\\.0:\\d+; pass --api-url frankfurter=http://127\\.0\\.0\\.1:\\d+/v1 ");
  }

  @Test
  void aDialectIsChosenByNameAndTheFirstLineSaysWhichAndTheUrlToPass() {
    List<Integer> statuses = new ArrayList<>();
    ServeCommand command =
        new ServeCommand(
            server -> {
              statuses.add(LocalHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUri() + "/currencies/usd.json"))).status());
              server.close();
            });

    assertThat(run(command, "--dialect", "currency-api", "--port", "0", "-q")).isZero();
    assertThat(statuses).containsExactly(200);
    assertThat(err.toString()).containsPattern("\\Afxmatrix serve: currency-api API listening on 127\\.0\\.0\\.1:\\d+; "
        + "pass --api-url currency-api=http://127\\.0\\.0\\.1:\\d+/\\{date}/v1 ");
  }

  @Test
  void aPortInUseIsReportedInOneLineWithoutAStackTrace() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exit = run(new ServeCommand(), "--port", String.valueOf(taken.getLocalPort()));

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip())
          .startsWith("fxmatrix serve: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .doesNotContain("\tat ", "Exception");
    }
  }

  @Test
  void helpListsTheOptions() {
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("serve", "--dialect", "--port", "--host", "--latency", "--jitter", "--rate-limit", "--error-rate", "--seed", "--quiet");
  }

  private int run(ServeCommand command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }
}
