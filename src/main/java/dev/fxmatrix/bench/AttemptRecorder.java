package dev.fxmatrix.bench;

import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.Job;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects every finished attempt of one run. Only the end event is recorded: it carries the start
 * time and the lane, and everything the benchmark reports (peak in flight included) follows from the
 * intervals, so there is no counter to keep consistent across threads.
 */
final class AttemptRecorder implements FetchListener {
  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

  @Override
  public void requestFinished(Job job, int attempt, String lane, long startNanos, long endNanos) {
    attempts.add(new Attempt(lane, job.row(), job.base(), attempt, startNanos, endNanos));
  }

  /** The attempts so far, in the order they ended. */
  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }
}
