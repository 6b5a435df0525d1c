package dev.fxmatrix.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fxmatrix.api.Json;
import dev.fxmatrix.fetch.Engine;
import dev.fxmatrix.fetch.FetchListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The body of a worker process ({@code fxmatrix worker}, hidden): reads its settings, then makes
 * one attempt per request line and answers it, until its input ends (the parent is done with it,
 * or gone).
 */
public final class Worker {
  private Worker() {}

  /** Serves the parent on {@code fromParent} and {@code toParent}; {@code err} takes the request log. */
  public static void serve(BufferedReader fromParent, PrintWriter toParent, PrintWriter err) throws IOException {
    String first = fromParent.readLine();
    if (first == null) {
      return;
    }
    WorkerMessages.Settings settings = decode(first, WorkerMessages.Settings.class);
    Thread.currentThread().setName("worker-" + ProcessHandle.current().pid()); // its name shows in the request log
    try (Engine engine = Engine.open(settings.options(line -> log(err, line)), 1, FetchListener.NONE)) {
      Json.warmUp();
      // Ready: the parent grants this worker's first permit only now, so that a JVM still starting
      // does not hold a slot of the throttle and then send it late, bunched with the next ones.
      toParent.println(WorkerMessages.READY);
      toParent.flush();
      for (String line; (line = fromParent.readLine()) != null; ) {
        WorkerMessages.Request request = decode(line, WorkerMessages.Request.class);
        WorkerMessages.Result result = WorkerMessages.Result.of(request.row(), engine.attempt(request.job(), request.link(), request.attempt()));
        toParent.println(WorkerMessages.encode(result));
        toParent.flush();
      }
    }
  }

  private static void log(PrintWriter err, String line) {
    err.println(line);
    err.flush();
  }

  private static <T> T decode(String line, Class<T> type) throws IOException {
    try {
      return WorkerMessages.decode(line, type);
    } catch (JsonProcessingException e) {
      // Parent and worker come from the same jar, so this is a bug, not something to get over.
      throw new IOException("worker " + ProcessHandle.current().pid() + ": unreadable message from the parent: " + line, e);
    }
  }
}
