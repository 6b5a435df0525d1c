package dev.fxmatrix.strategy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts worker processes: the Java running us, our class path, {@code Main worker ...}. */
final class WorkerLauncher {
  /** The tool's entry point; named, not referenced, since the fetch layer does not depend on the CLI. */
  static final String MAIN_CLASS = "dev.fxmatrix.cli.Main";

  // A worker lives for one run and does little work: start-up time is all that counts. C1 only
  // and the serial collector start fastest; JVM warnings go to stderr, never into the protocol.
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xshare:auto",
          "-XX:-UsePerfData",
          "-Xlog:disable",
          "-Xlog:all=warning:stderr");

  // What decides how a request goes out: a worker must reach the API as we would. Only these,
  // not all our JVM options: a debugger agent's port, for one, cannot be shared.
  private static final List<String> NETWORK_PROPERTIES =
      List.of(
          "http.proxyHost", "http.proxyPort", "http.nonProxyHosts",
          "https.proxyHost", "https.proxyPort",
          "socksProxyHost", "socksProxyPort", "socksProxyVersion",
          "java.net.useSystemProxies", "java.net.preferIPv4Stack", "java.net.preferIPv6Addresses",
          "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType",
          "javax.net.ssl.keyStore", "javax.net.ssl.keyStorePassword", "javax.net.ssl.keyStoreType");

  private static final Duration EXIT_GRACE = Duration.ofMillis(1500);
  private static final Duration TERM_GRACE = Duration.ofSeconds(1);
  private static final Duration KILL_WAIT = Duration.ofSeconds(2);

  private final List<String> javaAndClassPath;

  private WorkerLauncher(List<String> javaAndClassPath) {
    this.javaAndClassPath = List.copyOf(javaAndClassPath);
  }

  /**
   * The same Java and class path as this process: the shaded jar under {@code java -jar}, the full
   * class path under a test runner (surefire sets {@code java.class.path} to it even when it starts
   * the JVM from a manifest-only jar).
   */
  static WorkerLauncher sameJava() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions(System.getenv("FXMATRIX_WORKER_JVM_OPTIONS")));
    for (String property : NETWORK_PROPERTIES) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
    return new WorkerLauncher(command);
  }

  /**
   * The launcher's own JVM flags when it passed them (one per line), so workers start with its
   * class-data archive too; else flags that start a small JVM fast.
   */
  static List<String> jvmOptions(String fromLauncher) {
    if (fromLauncher == null || fromLauncher.isBlank()) {
      return JVM_OPTIONS;
    }
    return fromLauncher.lines().filter(line -> !line.isBlank()).toList();
  }

  /** Starts one worker: stdin and stdout are the protocol's pipes, stderr is ours. */
  Process start() throws IOException {
    List<String> command = new ArrayList<>(javaAndClassPath);
    command.add("worker");
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        // Request logs and diagnostics reach the terminal directly, even after we are gone.
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  /**
   * Ends {@code worker} and returns once it is gone, so none outlives us: a worker whose input ends
   * exits by itself within milliseconds, one still starting needs longer; after that it is asked
   * (SIGTERM), then made (SIGKILL), to go.
   */
  static void stop(Process worker) {
    try {
      worker.getOutputStream().close();
    } catch (IOException e) {
      // gone already
    }
    try {
      if (!worker.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.destroy();
        if (!worker.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          worker.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      worker.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
