package dev.fxmatrix.fetch.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import dev.fxmatrix.fetch.PermitSource;
import dev.fxmatrix.fetch.Throttle;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The parent's side of one worker process, served by one thread of ours: hands the worker a job at
 * a time, grants each of its requests a permit from the run's throttle (so the throttle is shared
 * by every worker as it is by threads), passes on how the server took them, and puts the worker's
 * outcomes on the run's result queue. If the worker dies, the job it held fails, and nothing else.
 */
final class WorkerProcess {
  /** What every worker of a run shares; {@code closing} is true once the run is being torn down. */
  record Run(
      JobQueue queue,
      PermitSource permits,
      FetchListener listener,
      Consumer<Outcome> results,
      BooleanSupplier closing) {}

  private final Process process;
  private final long pid;
  private final Run run;
  private final BufferedReader fromWorker;
  private final Writer toWorker;
  private Thread thread;

  // Only the serving thread touches these.
  private Job held;
  private int attempts;
  private long requestStart;

  WorkerProcess(Process process, Run run) {
    this.process = process;
    this.pid = process.pid();
    this.run = run;
    this.fromWorker =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    this.toWorker =
        new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
  }

  void startServing() {
    thread = Thread.ofPlatform().daemon().name("process-worker-" + pid).start(this::serve);
  }

  /** Tells the worker to exit (its input ends) and stops waiting for a permit on its behalf. */
  void stop() {
    closeInput();
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void serve() {
    String ending;
    try {
      handOutNext();
      String line;
      while ((line = fromWorker.readLine()) != null) {
        handle(line);
      }
      ending = death();
    } catch (IOException e) {
      ending = death(); // a broken pipe: the worker is gone, or going
    } catch (InterruptedException e) {
      ending = "cancelled";
    } catch (ProtocolError e) {
      process.destroyForcibly();
      ending = "worker process " + pid + " broke the protocol: " + e.getMessage();
    } catch (RuntimeException e) {
      // A bug must still end as this worker's failure: the main thread waits for its job's outcome.
      process.destroyForcibly();
      ending = "internal error with worker process " + pid + ": " + e;
    }
    ended(ending);
  }

  private void handle(String line) throws IOException, InterruptedException, ProtocolError {
    if (!line.startsWith("{")) {
      // Not a message: something in the worker's JVM wrote to stdout. Show it, as its own stderr would.
      System.err.println("fxmatrix: worker " + pid + ": " + line);
      return;
    }
    Messages.FromWorker message;
    try {
      message = Messages.fromWorker(line);
    } catch (JsonProcessingException e) {
      throw new ProtocolError("unreadable message " + line);
    }
    switch (message) {
      case Messages.FromWorker.NeedToken needToken -> {
        heldJob();
        Throttle.Permit permit = run.permits().acquire();
        attempts++;
        send(new Messages.ToWorker.Grant(permit.grantedAt()));
      }
      case Messages.FromWorker.Succeeded succeeded ->
          run.permits().succeeded(new Throttle.Permit(succeeded.grantedAt()));
      case Messages.FromWorker.RateLimited limited ->
          run.permits()
              .rateLimited(new Throttle.Permit(limited.grantedAt()), Duration.ofNanos(limited.retryAfterNanos()));
      case Messages.FromWorker.RequestStarted started -> {
        requestStart = System.nanoTime();
        run.listener().requestStarted(heldJob(started.row()), started.attempt(), requestStart);
      }
      case Messages.FromWorker.RequestFinished finished ->
          run.listener()
              .requestFinished(
                  heldJob(finished.row()), finished.attempt(), "worker-" + pid, requestStart, System.nanoTime());
      case Messages.FromWorker.Result result -> {
        Job job = heldJob(result.row());
        held = null;
        run.results().accept(result.toOutcome(job, pid));
        handOutNext();
      }
    }
  }

  /** Gives the worker its next job; with none left, closes its input, which tells it to exit. */
  private void handOutNext() throws IOException {
    Job next = run.closing().getAsBoolean() ? null : run.queue().next();
    if (next == null) {
      closeInput();
      return;
    }
    held = next;
    attempts = 0;
    send(Messages.ToWorker.Assign.of(next));
  }

  /** The conversation is over: the job the worker held fails, and so do all waiting ones if it was the last worker. */
  private void ended(String reason) {
    boolean closing = run.closing().getAsBoolean();
    if (held != null) {
      run.results().accept(new Outcome.Failed(held, closing ? "cancelled" : reason, attempts, null));
      held = null;
    }
    for (Job orphan : run.queue().workerGone()) {
      // While the run is torn down nobody reads results; the thread strategies drop queued jobs too.
      if (!closing) {
        run.results().accept(new Outcome.Failed(orphan, "no worker process left (" + reason + ")", 0, null));
      }
    }
  }

  /** Why the worker's output ended: normally because it exited, and its exit code says how. */
  private String death() {
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        return "worker process " + pid + " died (exit code " + process.exitValue() + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    return "worker process " + pid + " stopped answering";
  }

  private Job heldJob() throws ProtocolError {
    if (held == null) {
      throw new ProtocolError("asked for a token without a job");
    }
    return held;
  }

  private Job heldJob(int row) throws ProtocolError {
    if (held == null || held.row() != row) {
      throw new ProtocolError("spoke of row " + row + ", but holds " + (held == null ? "none" : "row " + held.row()));
    }
    return held;
  }

  private void send(Messages.ToWorker message) throws IOException {
    synchronized (toWorker) {
      toWorker.write(Messages.encode(message));
      toWorker.write('\n');
      toWorker.flush();
    }
  }

  private void closeInput() {
    synchronized (toWorker) {
      try {
        toWorker.close();
      } catch (IOException e) {
        // The worker is gone already; its input is as closed as it gets.
      }
    }
  }

  /** The worker said something that cannot be; it is stopped and its job fails. */
  private static final class ProtocolError extends Exception {
    ProtocolError(String message) {
      super(message, null, false, false);
    }
  }
}
