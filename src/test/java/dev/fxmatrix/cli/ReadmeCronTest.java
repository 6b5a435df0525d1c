package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's cron lines, as written, against a Frankfurter stand-in that answers today's rates
 * (as the real one does on a business day): a user who copies one gets a run that works, not a
 * usage error or a --max-age failure. Only where it goes changes: the stand-in for frankfurter, a
 * closed port for any other provider of the line (never asked while frankfurter answers), a cache
 * and the output file in a temporary folder.
 */
class ReadmeCronTest {
  private static final Pattern CRON_BLOCK = Pattern.compile("```cron\n(.*?)```", Pattern.DOTALL);

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @Test
  void everyCronLineRunsAsWrittenAndWritesItsFile() throws IOException {
    Map<String, BigDecimal> rates = new LinkedHashMap<>(FakeFrankfurter.SEED_USD_RATES);
    rates.put("GBP", new BigDecimal("0.7654"));
    rates.put("CHF", new BigDecimal("0.8812"));
    server.setDispatcher(new FakeFrankfurter(rates));
    Matcher block = CRON_BLOCK.matcher(Files.readString(Path.of("README.md")));
    assertThat(block.find()).as("README.md has a cron example").isTrue();
    List<String> lines = block.group(1).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2);

    for (String line : lines) {
      List<String> words = Arrays.asList(line.trim().split("\\s+"));
      int command = words.lastIndexOf(words.stream().filter(w -> w.endsWith("/fxmatrix")).reduce((a, b) -> b).orElseThrow());
      List<String> args = new ArrayList<>(words.subList(command + 1, words.size()));
      int output = args.indexOf("-o");
      Path file = dir.resolve(Path.of(args.get(output + 1)).getFileName());
      args.set(output + 1, file.toString());
      int provider = args.indexOf("--provider");
      for (String name : provider < 0 ? List.of("frankfurter") : List.of(args.get(provider + 1).split(","))) {
        args.addAll(List.of("--api-url", name + "=" + (name.equals("frankfurter") ? server.url("/v1") : "http://127.0.0.1:" + closedPort() + "/x")));
      }
      args.addAll(List.of("--cache-dir", dir.resolve("cache").toString()));

      Cli run = Cli.run(args.toArray(String[]::new));

      assertThat(run.exitCode()).as("%s\n%s", line, run.err()).isZero();
      assertThat(run.err()).as(line).isEmpty(); // -q: cron mails nothing on success
      assertThat(file).as(line).isNotEmptyFile();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
