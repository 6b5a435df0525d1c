package dev.fxmatrix.cli;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.FrankfurterV1;
import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.strategy.Strategy;
import dev.fxmatrix.os.Libc;
import dev.fxmatrix.output.OutputFormat;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The launcher's training run: goes once through the paths a user's run takes (command line,
 * every thread strategy and format, the embedded API) so that the JVM's class-data archive holds
 * what real runs load, whatever the first command after a build happened to be.
 */
@Command(name = "aot-training", hidden = true, description = "Exercise the usual code paths once (for the launcher).")
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    try (FxApiServer api = FxApiServer.start(ServerOptions.defaults().withPort(0))) {
      for (Strategy strategy : Strategy.values()) {
        if (strategy == Strategy.PROCESS) {
          continue; // its workers are other JVMs: nothing of theirs would be recorded here
        }
        for (OutputFormat format : OutputFormat.values()) {
          Main.run(discard, discard,
              "--api-url", api.baseUri().toString(), "-s", strategy.cliName(), "-f", format.cliName(),
              "-b", "USD,EUR,JPY", "--rate", "1000", "--timeout", "5s");
        }
      }
    }
    Main.run(discard, discard, "--help");
    // The real API is https: a client for it loads the TLS set-up (trust store, SSLContext) without
    // connecting anywhere, so that those classes are archived too (~30 ms of each https run).
    HttpClients.shutdown(
        HttpClients.create(
            new FetchOptions(
                List.of(Endpoint.of(FrankfurterV1.NAME)), "fxmatrix", null, Duration.ofSeconds(5), 0,
                Throttle.Options.UNLIMITED, FetchOptions.Caching.OFF, null),
            1));
    // Linked, not called: the Foreign Function API's classes then come from the archive too, for
    // the quick exit after virtual-thread runs and bench's terminal check.
    Libc.exitFunction();
    Libc.isTerminal(2);
    return 0;
  }
}
