package dev.fxmatrix.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fxmatrix.fetch.AttemptResult;
import dev.fxmatrix.fetch.Job;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The parent's end of one worker process: sends it one attempt at a time and reads the answer. A
 * worker that dies fails the attempt it held (retryable: the next attempt starts a new worker).
 * Used by one lane thread at a time; {@link #close} may come from any thread.
 */
final class WorkerPipe implements AutoCloseable {
  private final WorkerLauncher launcher;
  private final String settings;
  private Process process; // guarded by this, as close() may come from another thread
  private BufferedReader fromWorker;
  private Writer toWorker;
  private boolean closed;

  WorkerPipe(WorkerLauncher launcher, WorkerMessages.Settings settings) {
    this.launcher = launcher;
    this.settings = WorkerMessages.encode(settings);
  }

  /** Starts the worker process and returns once it is ready to send. */
  synchronized void start() throws IOException {
    if (closed) {
      throw new IOException("cancelled");
    }
    process = launcher.start();
    fromWorker = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    toWorker = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
    send(settings);
    for (String line; (line = fromWorker.readLine()) != null; ) {
      if (line.equals(WorkerMessages.READY)) {
        return;
      }
      System.err.println("fxmatrix: worker " + process.pid() + ": " + line); // its JVM's own words
    }
    throw new IOException(death(process));
  }

  synchronized String lane() {
    return process == null ? "worker" : "worker-" + process.pid();
  }

  /** One attempt for {@code job} in the worker; a new worker if the last one died. */
  AttemptResult exchange(Job job, int link, int attempt) {
    Process worker;
    BufferedReader answers;
    try {
      synchronized (this) {
        if (process == null || !process.isAlive()) {
          start();
        }
        send(WorkerMessages.encode(WorkerMessages.Request.of(job, link, attempt)));
        worker = process;
        answers = fromWorker;
      }
      for (String line; (line = answers.readLine()) != null; ) {
        if (!line.startsWith("{")) {
          // Not a message: something in the worker's JVM wrote to stdout. Show it, as its own stderr would.
          System.err.println("fxmatrix: worker " + worker.pid() + ": " + line);
          continue;
        }
        WorkerMessages.Result result = WorkerMessages.decode(line, WorkerMessages.Result.class);
        if (result.row() != job.row()) {
          worker.destroyForcibly();
          return new AttemptResult.Fatal("worker process " + worker.pid() + " answered for another row", null);
        }
        return result.attempt(job, worker.pid());
      }
      return new AttemptResult.Retryable(death(worker), null, false, null);
    } catch (JsonProcessingException e) {
      return new AttemptResult.Fatal("worker process sent an unreadable answer: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      return new AttemptResult.Retryable("worker process failed: " + e.getMessage(), null, false, e);
    }
  }

  private void send(String line) throws IOException {
    toWorker.write(line);
    toWorker.write('\n');
    toWorker.flush();
  }

  /** Why the worker's output ended: normally because it exited, and its exit code says how. */
  private String death(Process worker) {
    try {
      if (worker.waitFor(2, TimeUnit.SECONDS)) {
        return closedByUs() ? "cancelled" : "worker process " + worker.pid() + " died (exit code " + worker.exitValue() + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.destroyForcibly();
    return "worker process " + worker.pid() + " stopped answering";
  }

  private synchronized boolean closedByUs() {
    return closed;
  }

  /** Ends the worker: its input closes, and it exits; one that does not is made to. */
  @Override
  public void close() {
    Process worker;
    synchronized (this) {
      closed = true;
      worker = process;
    }
    if (worker != null) {
      WorkerLauncher.stop(worker);
    }
  }
}
