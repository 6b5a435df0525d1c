package dev.fxmatrix.cli;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.FrankfurterV1;
import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.os.Libc;
import dev.fxmatrix.output.OutputFormat;
import dev.fxmatrix.strategy.Strategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The launcher's training run for one kind of class-data archive: goes once through the paths such
 * runs take, so the archive holds what they load, whatever the first command after a build was.
 *
 * <p>Three kinds, because a JVM loads every class of its archive before {@code main} (a Hello World
 * with the archive trained on everything took 87 ms, with its own 35 ms): {@code run} for the
 * client (every thread strategy and format, the cache, a usage error, the https set-up), trained
 * against the embedded API in another process so that the server's classes stay out; {@code demo}
 * for runs of the embedded API itself ({@code --demo}, {@code serve}, {@code bench}); {@code meta}
 * for a lone {@code --version} or {@code --help} (a tenth of the classes: 47 ms instead of 81).
 */
@Command(name = "aot-training", hidden = true, description = "Exercise the usual code paths once (for the launcher).")
final class TrainCommand implements Callable<Integer> {
  private static final Pattern API_URL = Pattern.compile("--api-url frankfurter=(\\S+)");

  @Parameters(index = "0", arity = "0..1", defaultValue = "run", description = "run, demo or meta")
  String kind;

  @Override
  public Integer call() throws Exception {
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    if (kind.equals("meta")) {
      Main.run(discard, discard, "--version");
      // Help laid out and kept, then read back: what the launcher's lone --help does (cli/HelpCache).
      Path kept = Files.createTempDirectory("fxmatrix-training");
      System.setProperty("fxmatrix.helpCache", kept.resolve("training").toString());
      try {
        Main.run(discard, discard, "--help");
        Main.run(discard, discard, "--help");
      } finally {
        System.clearProperty("fxmatrix.helpCache");
        deleteTree(kept);
      }
      return 0;
    }
    // The real API is https: a client for it, and the TLS set-up (trust store, SSLContext) it would
    // make on its first connection, made without connecting anywhere, so that those classes are
    // archived too (~30 ms of each https run). First, before a client for plain HTTP would leave
    // the providers TLS needs unloaded.
    HttpClients.setUpTlsNow();
    HttpClients.shutdown(
        HttpClients.create(
            new FetchOptions(
                List.of(Endpoint.of(FrankfurterV1.NAME)), "fxmatrix", null, Duration.ofSeconds(5), 0,
                Throttle.Options.UNLIMITED, FetchOptions.Caching.OFF, null),
            1));
    Path cache = Files.createTempDirectory("fxmatrix-training");
    try {
      if (kind.equals("demo")) {
        try (FxApiServer api = FxApiServer.start(ServerOptions.defaults().withPort(0))) {
          clientRuns(discard, api.apiUrl(), cache);
        }
        Main.run(discard, discard, "--demo", "--demo-latency", "0ms", "-s", "virtual");
        Main.run(discard, discard, "bench", "--runs", "1", "--warmup", "0", "--demo-latency", "0ms", "-b", "USD,EUR",
            "--strategies", "pool,async");
      } else {
        Process server = startServer();
        try {
          clientRuns(discard, serverUrl(server), cache);
        } finally {
          server.destroyForcibly();
        }
      }
    } finally {
      deleteTree(cache);
    }
    Main.run(discard, discard, "--bases", "US");
    if (kind.equals("demo")) {
      // Linked, not called: the Foreign Function API's classes then come from the archive, for the
      // quick exit after the embedded API's virtual threads and bench's terminal check. Not in the
      // client's: ~300 classes every run would load for the virtual strategy's sake, which links
      // its exit in the background while it waits for the network anyway.
      Libc.exitFunction();
      Libc.isTerminal(2);
    }
    return 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Every thread strategy with every format, through the cache and past it. */
  private static void clientRuns(PrintWriter discard, String apiUrl, Path cache) {
    for (Strategy strategy : Strategy.values()) {
      if (strategy == Strategy.PROCESS) {
        continue; // its workers are other JVMs: nothing of theirs would be recorded here
      }
      for (OutputFormat format : OutputFormat.values()) {
        Main.run(discard, discard, "--api-url", apiUrl, "-s", strategy.cliName(), "-f", format.cliName(),
            "-b", "USD,EUR,JPY", "--rate", "1000", "--timeout", "5s", "--cache-dir", cache.toString());
      }
    }
    Main.run(discard, discard, "--api-url", apiUrl, "--date", "2020-01-02", "--no-cache", "-b", "USD,EUR");
  }

  /** The embedded API in a JVM of its own (the same Java and jar), which says its URL on its first line. */
  private static Process startServer() throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.fxmatrix.cli.Main",
        "serve", "--port", "0", "--quiet"));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String serverUrl(Process server) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
    for (String line; (line = err.readLine()) != null; ) {
      Matcher url = API_URL.matcher(line);
      if (url.find()) {
        return url.group(1);
      }
    }
    throw new IOException("the embedded API did not start: exit code " + server.exitValue());
  }
}
