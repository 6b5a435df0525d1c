package dev.fxmatrix.cli;

import dev.fxmatrix.demo.Dialect;
import dev.fxmatrix.demo.EcbHistory;
import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code fxmatrix serve}: the demo API on a port, until Ctrl-C. */
@Command(
    name = "serve",
    description = {
      ServeCommand.SUMMARY,
      "Latency, a rate limit and errors can be simulated. Rates: Source: ECB."
    },
    sortOptions = false)
public final class ServeCommand implements Callable<Integer> {
  /** The first line of its help, which fxmatrix --help lists too. */
  static final String SUMMARY =
      "Serve the bundled ECB reference rates (1999 to 2026) over a Frankfurter-compatible HTTP API "
          + "(/v1/latest, /v1/YYYY-MM-DD, /v1/START..END, /v1/currencies), or another provider's (--dialect), "
          + "for demos and tests without the internet.";

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", converter = PortConverter.class,
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--dialect", defaultValue = "frankfurter", paramLabel = "NAME", converter = DialectConverter.class,
      description = "Provider API to speak, at its own paths: frankfurter (v1), frankfurter-v2, open-er-api, "
          + "currency-api or ecb (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--latency", defaultValue = "0ms", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Delay of every response, e.g. 100ms or 1.5s (default: ${DEFAULT-VALUE}).")
  Duration latency;

  @Option(names = "--jitter", defaultValue = "0ms", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Delays vary uniformly within latency ± jitter (default: ${DEFAULT-VALUE}).")
  Duration jitter;

  @Option(names = "--rate-limit", paramLabel = "N", converter = RateLimitConverter.class,
      description = "Answer 429 beyond N requests in any sliding second, refused ones counted (default: none).")
  Integer rateLimit;

  @Option(names = "--error-rate", defaultValue = "0", paramLabel = "RATE", converter = ErrorRateConverter.class,
      description = "Share of requests answered 500, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double errorRate;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", converter = SeedConverter.class,
      description = "Makes jitter and errors repeat for the same order of requests (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-q", "--quiet"}, description = "No request log on stderr.")
  boolean quiet;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  private final Consumer<FxApiServer> onListening;

  public ServeCommand() {
    this(server -> {});
  }

  /** For tests: {@code onListening} gets the running server (and may close it to end the command). */
  ServeCommand(Consumer<FxApiServer> onListening) {
    this.onListening = onListening;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerOptions options = validatedOptions();
    PrintWriter err = spec.commandLine().getErr();
    FxApiServer server;
    try {
      server = FxApiServer.start(options);
    } catch (IOException | RuntimeException e) {
      err.println("fxmatrix serve: cannot listen on " + host + ":" + port + ": " + reason(e));
      err.flush();
      return 1;
    }
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              awaitQuietly(reported); // let the stop line out before the JVM exits
            },
            "fxmatrix-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      err.println(
          "fxmatrix serve: " + dialect.id() + " API listening on " + hostAndPort(server.address())
              + "; pass --api-url " + dialect.id() + "=" + server.apiUrl()
              + " (ECB rates up to " + EcbHistory.bundled().newest().date() + "; Ctrl-C to stop)");
      err.flush();
      onListening.accept(server);
      server.awaitClose();
      err.println("fxmatrix serve: stopped after " + server.requestCount() + " requests");
      err.flush();
      return 0;
    } finally {
      server.close();
      reported.countDown();
      removeHook(hook);
    }
  }

  private ServerOptions validatedOptions() {
    Consumer<String> log = quiet ? ServerOptions.NO_REQUEST_LOG : this::logLine;
    return new ServerOptions(
        host, port, latency, jitter, rateLimit == null ? ServerOptions.NO_RATE_LIMIT : rateLimit,
        errorRate, seed, log, dialect);
  }

  private void logLine(String line) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(line);
    err.flush();
  }

  /** The bound address as given to connect to it: 0.0.0.0:8080, 127.0.0.1:41234, [::1]:8080. */
  private static String hostAndPort(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running
    }
  }
  static final class DialectConverter implements ITypeConverter<Dialect> {
    @Override
    public Dialect convert(String value) {
      return Dialect.byId(value)
          .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a dialect; give one of " + Dialect.ids()));
    }
  }

  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      Long port = wholeNumber(value);
      if (port == null || port < 0 || port > 65535) {
        throw new TypeConversionException("'" + value + "' is not a port; give 0 to 65535");
      }
      return port.intValue();
    }
  }

  static final class RateLimitConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      Long limit = wholeNumber(value);
      if (limit == null || limit < 1 || limit > Integer.MAX_VALUE) {
        throw new TypeConversionException("'" + value + "' is not a rate limit; give a whole number of requests a second, 1 or more");
      }
      return limit.intValue();
    }
  }

  static final class ErrorRateConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double rate;
      try {
        rate = Double.parseDouble(value.strip());
      } catch (NumberFormatException e) {
        rate = Double.NaN;
      }
      if (!(rate >= 0 && rate <= 1)) {
        throw new TypeConversionException("'" + value + "' is not a share of requests; give 0 to 1, e.g. 0.05");
      }
      return rate;
    }
  }

  static final class SeedConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      Long seed = wholeNumber(value);
      if (seed == null) {
        throw new TypeConversionException("'" + value + "' is not a seed; give a whole number");
      }
      return seed;
    }
  }

  private static Long wholeNumber(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
