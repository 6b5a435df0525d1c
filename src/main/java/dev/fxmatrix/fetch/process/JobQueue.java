package dev.fxmatrix.fetch.process;

import dev.fxmatrix.fetch.Job;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs no worker has taken yet, and how many workers are left to take them. Workers take one
 * job at a time, so a fast worker takes more of them and at most one request per worker is in
 * flight.
 */
final class JobQueue {
  private final ArrayDeque<Job> waiting;
  private int workers;

  JobQueue(List<Job> jobs, int workers) {
    this.waiting = new ArrayDeque<>(jobs);
    this.workers = workers;
  }

  /** The next job, or null when there is none left. */
  synchronized Job next() {
    return waiting.poll();
  }

  /**
   * One worker is gone. If it was the last, the jobs still waiting will never be fetched: they are
   * returned, for the caller to fail.
   */
  synchronized List<Job> workerGone() {
    workers--;
    if (workers > 0) {
      return List.of();
    }
    List<Job> orphans = new ArrayList<>(waiting);
    waiting.clear();
    return orphans;
  }
}
