package dev.fxmatrix.fetch;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The one result queue of a run, with a write-once slot per row: the first outcome offered for a
 * row is the row's, any later one is dropped. So "exactly one outcome per job" holds by
 * construction, whoever offers (a worker, a callback, a crash handler, the main thread giving up at
 * the deadline), and the reader never sees a row twice.
 */
public final class Outcomes {
  private final AtomicReferenceArray<Outcome> byRow;
  private final AtomicIntegerArray attempts;
  private final BlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();

  public Outcomes(int rows) {
    this.byRow = new AtomicReferenceArray<>(rows);
    this.attempts = new AtomicIntegerArray(rows);
  }

  /** Counts a request sent for {@code row}; returns how many have been, this one included. */
  int sent(int row) {
    return attempts.incrementAndGet(row);
  }

  /** The requests sent for {@code row} so far: true even for a row that ends without its worker. */
  public int attempts(int row) {
    return attempts.get(row);
  }

  /** Records {@code outcome} as its row's, unless the row has one already; true if it was taken. */
  public boolean offer(Outcome outcome) {
    if (!byRow.compareAndSet(outcome.job().row(), null, outcome)) {
      return false;
    }
    queue.add(outcome);
    return true;
  }

  /** The row's outcome, or null while it has none. */
  public Outcome taken(int row) {
    return byRow.get(row);
  }

  /** Whether the row has its outcome. */
  public boolean has(int row) {
    return byRow.get(row) != null;
  }

  /** The next outcome in the order they came, waiting for one. */
  public Outcome take() throws InterruptedException {
    return queue.take();
  }

  /** The next outcome, or null if none comes within {@code wait}. */
  public Outcome poll(Duration wait) throws InterruptedException {
    return queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}
