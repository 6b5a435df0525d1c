package dev.fxmatrix.fetch.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fxmatrix.api.FrankfurterApi;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.FetchStrategy;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.fetch.RateFetcher;
import dev.fxmatrix.fetch.RequestLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * The body of a worker process: reads jobs and token grants from the parent, fetches each job with
 * a {@link RateFetcher} built from the parent's settings, and writes one outcome per job back. It
 * ends when its input ends, whether the parent closed it or the parent is gone.
 */
public final class Worker {
  private final RateFetcher.Settings settings;
  private final boolean reportRequests;
  private final PrintWriter err;
  private final String name;

  /**
   * {@code reportRequests}: tell the parent of each attempt, for its {@link FetchListener}; {@code
   * err} takes the request log of {@code settings.logsRequests()} and diagnostics.
   */
  public Worker(RateFetcher.Settings settings, boolean reportRequests, PrintWriter err) {
    this.settings = settings;
    this.reportRequests = reportRequests;
    this.err = err;
    this.name = "worker-" + ProcessHandle.current().pid();
  }

  /** Serves the parent on {@code fromParent} and {@code toParent} until {@code fromParent} ends. */
  public void serve(BufferedReader fromParent, PrintWriter toParent) throws IOException {
    ParentLink parent = new ParentLink(toParent);
    OkHttpClient client = client();
    RateFetcher fetcher =
        RateFetcher.withPermits(
            client,
            new FrankfurterApi(settings.apiUrl(), settings.userAgent()),
            parent,
            settings.policy(),
            settings.date(),
            settings.timeout(),
            reportRequests ? parent.requestReports() : FetchListener.NONE);
    // This thread must stay free to read grants, so the fetching happens on another one; the
    // parent hands out one job at a time, so one is enough. Its name shows in the request log.
    ExecutorService fetching = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name).factory());
    try {
      String line;
      while ((line = fromParent.readLine()) != null) {
        switch (decode(line)) {
          case Messages.ToWorker.Assign assign ->
              fetching.execute(
                  () -> FetchStrategy.runJob(
                      assign.job(), fetcher, outcome -> parent.send(Messages.FromWorker.Result.of(outcome))));
          case Messages.ToWorker.Grant grant -> parent.granted(grant.grantedAt());
        }
      }
    } finally {
      // Input closed: the parent is done with us, or gone. What is still in flight has no reader.
      fetcher.cancelAll();
      fetching.shutdownNow();
      HttpClients.shutdown(client);
    }
  }

  private OkHttpClient client() {
    OkHttpClient.Builder builder = HttpClients.builder(settings.apiUrl(), settings.timeout(), 1);
    if (settings.logsRequests()) {
      builder.addInterceptor(new RequestLog(err));
    }
    return builder.build();
  }

  private Messages.ToWorker decode(String line) throws IOException {
    try {
      return Messages.toWorker(line);
    } catch (JsonProcessingException e) {
      // Parent and worker come from the same jar, so this is a bug, not something to get over.
      throw new IOException(name + ": unreadable message from the parent: " + line, e);
    }
  }
}
