package dev.fxmatrix.fetch.process;

import dev.fxmatrix.fetch.FetchListener;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.PermitSource;
import dev.fxmatrix.fetch.Throttle;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker's side of the pipe to its parent: the parent's throttle seen as a {@link PermitSource}
 * (ask, then block until the grant comes in), and the messages going back.
 */
final class ParentLink implements PermitSource {
  private final PrintWriter toParent;
  private final BlockingQueue<Long> grants = new LinkedBlockingQueue<>();

  ParentLink(PrintWriter toParent) {
    this.toParent = toParent;
  }

  /** Called by the thread reading the parent's messages. */
  void granted(long grantedAt) {
    grants.add(grantedAt);
  }

  @Override
  public Throttle.Permit acquire() throws InterruptedException {
    send(new Messages.FromWorker.NeedToken());
    return new Throttle.Permit(grants.take());
  }

  @Override
  public void succeeded(Throttle.Permit permit) {
    send(new Messages.FromWorker.Succeeded(permit.grantedAt()));
  }

  @Override
  public void rateLimited(Throttle.Permit permit, Duration retryAfter) {
    send(new Messages.FromWorker.RateLimited(permit.grantedAt(), retryAfter.toNanos()));
  }

  /** Tells the parent of each attempt, for its {@link FetchListener}. */
  FetchListener requestReports() {
    return new FetchListener() {
      @Override
      public void requestStarted(Job job, int attempt, long startNanos) {
        send(new Messages.FromWorker.RequestStarted(job.row(), attempt));
      }

      @Override
      public void requestFinished(Job job, int attempt, String lane, long startNanos, long endNanos) {
        send(new Messages.FromWorker.RequestFinished(job.row(), attempt));
      }
    };
  }

  synchronized void send(Messages.FromWorker message) {
    toParent.println(Messages.encode(message));
    toParent.flush();
  }
}
