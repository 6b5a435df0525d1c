package dev.fxmatrix.fetch;

/** Watches every HTTP attempt; the benchmark uses it to count requests in flight and draw timelines. */
public interface FetchListener {
  FetchListener NONE = new FetchListener() {};

  /** Called on the thread that sends the request, right before it goes out. */
  default void requestStarted(Job job, int attempt, long startNanos) {}

  /** Called when the attempt's answer (or failure) is in, on whatever thread read it. */
  default void requestFinished(Job job, int attempt, String lane, long startNanos, long endNanos) {}
}
