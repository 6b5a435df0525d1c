package dev.fxmatrix.testing;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/**
 * MockWebServer's usual queue of canned responses, which also notes when each request reached the
 * server ({@link System#nanoTime}), so tests can measure the pauses between attempts where they
 * happen rather than around the whole run.
 */
public final class TimedQueueDispatcher extends QueueDispatcher {
  private final List<Long> arrivals = new ArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    synchronized (arrivals) {
      arrivals.add(System.nanoTime());
    }
    return super.dispatch(request);
  }

  /** The time between consecutive requests, in milliseconds. */
  public List<Long> gapsMillis() {
    synchronized (arrivals) {
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < arrivals.size(); i++) {
        gaps.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
      }
      return gaps;
    }
  }
}
