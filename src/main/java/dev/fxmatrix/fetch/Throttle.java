package dev.fxmatrix.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One token bucket shared by every worker and every retry of a run.
 *
 * <p>Tokens accrue at {@code rate} per second up to {@code burst}, and the bucket starts empty, so
 * there is no burst at start nor after idling beyond {@code burst}. Nobody polls: a caller reserves
 * the next free slot under a short lock (a fair one, so slots go out in arrival order) and then
 * sleeps until it. Sleeping in {@link Thread#sleep} is interruptible and does not pin a virtual
 * thread; the non-blocking path ({@link #reserve()}) lets a scheduler wait instead of a thread.
 *
 * <p>A 429 from the server {@link #pause pauses} every caller until the server's retry time, and
 * sets the pace to what the server accepted, whether or not a rate was given: see {@link
 * #rateLimited}.
 */
public final class Throttle implements PermitSource {
  /** The slowest pace the throttle settles on when the server accepts hardly anything. */
  static final double MIN_RATE = 0.2;

  private static final long SECOND = 1_000_000_000L;
  private static final int SUCCESS_HISTORY = 4096;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final LongSupplier nanoClock;
  private final double burst;

  // All guarded by lock.
  private double rate; // tokens per second; infinite = no limit
  private double tokens; // may go negative: the debt of reservations not yet due
  private long refilledAt;
  private long pausedUntil;
  private long epoch; // bumped by every pause: reservations made before it must be renewed
  private long paceSetAt; // 429s of requests granted before this are stale news
  private long waveAt = -1; // when a fresh 429 asked for a new pace, to be set after the pause
  private final ArrayDeque<Long> successGrants = new ArrayDeque<>();

  private Throttle(double rate, double burst, LongSupplier nanoClock) {
    this.rate = rate;
    this.burst = burst;
    this.nanoClock = nanoClock;
    long now = nanoClock.getAsLong();
    this.refilledAt = now;
    this.pausedUntil = now;
    this.paceSetAt = now;
  }

  /** A throttle of {@code rate} requests per second with room for {@code burst} at once. */
  public static Throttle perSecond(double rate, int burst) {
    return perSecond(rate, burst, System::nanoTime);
  }

  static Throttle perSecond(double rate, int burst, LongSupplier nanoClock) {
    if (!(rate > 0) || burst < 1) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
    }
    return new Throttle(rate, burst, nanoClock);
  }

  /** No limit until the server says otherwise with a 429. */
  public static Throttle unlimited() {
    return unlimited(System::nanoTime);
  }

  static Throttle unlimited(LongSupplier nanoClock) {
    return new Throttle(Double.POSITIVE_INFINITY, 1, nanoClock);
  }

  /** A slot: the caller may start its request at {@code grantAt} if no pause came in between. */
  public record Reservation(long grantAt, long epoch) {}

  /** Proof that a request was let through at {@code grantedAt}; handed back with the response. */
  public record Permit(long grantedAt) {}

  /** Takes the next slot without waiting for it. */
  public Reservation reserve() {
    lock.lock();
    try {
      long now = nanoClock.getAsLong();
      settlePaceIfDue(now);
      long start = Math.max(now, pausedUntil);
      if (Double.isInfinite(rate)) {
        return new Reservation(start, epoch);
      }
      if (start > refilledAt) {
        tokens = Math.min(burst, tokens + (start - refilledAt) * rate / SECOND);
        refilledAt = start;
      }
      tokens -= 1;
      long grantAt = tokens >= 0 ? start : refilledAt + (long) Math.ceil(-tokens * SECOND / rate);
      return new Reservation(grantAt, epoch);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether a reservation whose time has come may go ahead; false when a pause came in since it
   * was made, and the caller must {@link #reserve} again.
   */
  public boolean stillValid(Reservation reservation) {
    lock.lock();
    try {
      settlePaceIfDue(nanoClock.getAsLong());
      return reservation.epoch == epoch;
    } finally {
      lock.unlock();
    }
  }

  /** Blocks, without spinning, until the caller may send one request. */
  @Override
  public Permit acquire() throws InterruptedException {
    while (true) {
      Reservation r = reserve();
      long wait = r.grantAt() - nanoClock.getAsLong();
      if (wait > 0) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      if (stillValid(r)) {
        return new Permit(Math.max(r.grantAt(), nanoClock.getAsLong()));
      }
    }
  }

  /** The permit for a non-blocking caller that waited for {@code r} elsewhere. */
  public Permit permitFor(Reservation r) {
    return new Permit(Math.max(r.grantAt(), nanoClock.getAsLong()));
  }

  /** Records that the request sent under {@code permit} was accepted: the pace estimate uses it. */
  @Override
  public void succeeded(Permit permit) {
    lock.lock();
    try {
      successGrants.addLast(permit.grantedAt());
      if (successGrants.size() > SUCCESS_HISTORY) {
        successGrants.removeFirst();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The server refused the request sent under {@code permit} with a 429. Everybody waits for {@code
   * retryAfter}; if the request was sent under the current pace (not part of a wave already
   * answered), the pace is set anew when the pause ends, from what the server accepted just before.
   */
  @Override
  public void rateLimited(Permit permit, Duration retryAfter) {
    lock.lock();
    try {
      long now = nanoClock.getAsLong();
      if (permit.grantedAt() >= paceSetAt && waveAt < 0) {
        waveAt = now;
        paceSetAt = now;
      }
      pauseLocked(now + retryAfter.toNanos());
    } finally {
      lock.unlock();
    }
  }

  /** Stops every caller until {@code nanoTime} (a later pause wins over an earlier one). */
  public void pauseUntil(long nanoTime) {
    lock.lock();
    try {
      pauseLocked(nanoTime);
    } finally {
      lock.unlock();
    }
  }

  private void pauseLocked(long until) {
    if (until <= pausedUntil) {
      return;
    }
    pausedUntil = until;
    // Outstanding reservations are renewed after the pause, so their debt goes with them; and a
    // pause leaves no saved-up burst behind.
    tokens = 0;
    refilledAt = Math.max(refilledAt, until);
    epoch++;
  }

  /**
   * Sets the pace after a wave of 429s: a little under what the server accepted in the second
   * before the wave (it counted those), and at most half the old pace when the old pace was already
   * limited, so a second wave is less likely than the first.
   */
  private void settlePaceIfDue(long now) {
    if (waveAt < 0 || now < pausedUntil) {
      return;
    }
    long from = waveAt - SECOND;
    long accepted = successGrants.stream().filter(t -> t >= from && t <= waveAt).count();
    double next = accepted > 0 ? accepted * 0.9 : MIN_RATE * 5;
    if (!Double.isInfinite(rate)) {
      next = Math.min(next, rate / 2);
    }
    rate = Math.max(MIN_RATE, next);
    tokens = 0;
    refilledAt = Math.max(refilledAt, now);
    waveAt = -1;
    paceSetAt = now;
    // Reservations made during the pause were made at the old pace: everyone queues up anew.
    epoch++;
  }

  /** The current pace in requests per second (infinite when unlimited); for diagnostics. */
  public double rate() {
    lock.lock();
    try {
      return rate;
    } finally {
      lock.unlock();
    }
  }
}
