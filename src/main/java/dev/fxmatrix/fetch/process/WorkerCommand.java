package dev.fxmatrix.fetch.process;

import dev.fxmatrix.fetch.RateFetcher;
import dev.fxmatrix.fetch.RetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fxmatrix worker}, hidden: what the {@code process} strategy starts. It speaks the {@link
 * Messages} protocol on stdin and stdout and takes the parent's fetch settings as options, which
 * {@link #arguments} writes; parsing and writing them side by side keeps the two in step. Durations
 * and dates travel in ISO-8601, exactly.
 */
@Command(name = "worker", hidden = true, description = "Internal: a worker process of --strategy process.")
public final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--api-url", required = true)
  String apiUrl;

  @Option(names = "--user-agent", required = true)
  String userAgent;

  @Option(names = "--date")
  LocalDate date;

  @Option(names = "--timeout", required = true)
  Duration timeout;

  @Option(names = "--retries", required = true)
  int retries;

  @Option(names = "--backoff", required = true)
  Duration backoff;

  @Option(names = "--max-backoff", required = true)
  Duration maxBackoff;

  @Option(names = "--max-retry-after", required = true)
  Duration maxRetryAfter;

  @Option(names = "--log-requests")
  boolean logRequests;

  @Option(names = "--report-requests")
  boolean reportRequests;

  /** The options above for {@code settings}, after the subcommand's name. */
  static List<String> arguments(RateFetcher.Settings settings, boolean reportRequests) {
    List<String> args = new ArrayList<>();
    args.add("worker");
    args.addAll(List.of("--api-url", settings.apiUrl().toString()));
    args.addAll(List.of("--user-agent", settings.userAgent()));
    if (settings.date() != null) {
      args.addAll(List.of("--date", settings.date().toString()));
    }
    args.addAll(List.of("--timeout", settings.timeout().toString()));
    RetryPolicy policy = settings.policy();
    args.addAll(List.of("--retries", String.valueOf(policy.retries())));
    args.addAll(List.of("--backoff", policy.baseDelay().toString()));
    args.addAll(List.of("--max-backoff", policy.maxDelay().toString()));
    args.addAll(List.of("--max-retry-after", policy.maxRetryAfter().toString()));
    if (settings.logsRequests()) {
      args.add("--log-requests");
    }
    if (reportRequests) {
      args.add("--report-requests");
    }
    return args;
  }

  @Override
  public Integer call() throws IOException {
    HttpUrl url = HttpUrl.parse(apiUrl);
    if (url == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--api-url: not an http(s) URL: " + apiUrl);
    }
    RateFetcher.Settings settings =
        new RateFetcher.Settings(
            url, userAgent, date, timeout, new RetryPolicy(retries, backoff, maxBackoff, maxRetryAfter), logRequests);
    // The protocol is ASCII (see Messages), whatever the platform's charset.
    BufferedReader fromParent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    new Worker(settings, reportRequests, spec.commandLine().getErr()).serve(fromParent, spec.commandLine().getOut());
    return 0;
  }
}
