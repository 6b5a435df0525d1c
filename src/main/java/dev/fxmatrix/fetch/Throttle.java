package dev.fxmatrix.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One token bucket shared by every worker and every retry of a run: the run's only source of
 * permits to send a request.
 *
 * <p>Tokens accrue at {@code rate} per second up to {@code burst}, and the bucket starts empty, so
 * there is no burst at start nor after idling beyond {@code burst}. Nobody polls: a caller reserves
 * the next free slot under a short lock (a fair one, so slots go out in arrival order) and then
 * waits for it, either on its own thread ({@link #acquire()}: interruptible, and it does not pin a
 * virtual thread) or on a timer ({@link #acquire(ScheduledExecutorService, Consumer)}: no thread is
 * parked per waiter).
 *
 * <p>A 429 from the server {@link #rateLimited pauses} every caller until the server's retry time,
 * and sets the pace to what the server accepted, whether or not a rate was given: see {@link
 * #settlePaceIfDue}.
 */
public final class Throttle {
  /** The slowest pace the throttle settles on when the server accepts hardly anything. */
  static final double MIN_RATE = 0.2;

  private static final long SECOND = 1_000_000_000L;
  private static final int SUCCESS_HISTORY = 4096;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final TimeSource time;
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

  private Throttle(double rate, double burst, TimeSource time) {
    this.rate = rate;
    this.burst = burst;
    this.time = time;
    long now = time.nanoTime();
    this.refilledAt = now;
    this.pausedUntil = now;
    this.paceSetAt = now;
  }

  /**
   * What a run asks of its throttle.
   *
   * @param rate requests per second, null for no limit (until a server answers 429)
   * @param burst requests that may go at once after idling
   */
  public record Options(Double rate, int burst) {
    public static final Options UNLIMITED = new Options(null, 1);

    public Options {
      if ((rate != null && !(rate > 0 && Double.isFinite(rate))) || burst < 1) {
        throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
      }
    }
  }

  /** The one way a throttle is built: for runs, the benchmark and tests alike. */
  public static Throttle of(Options options, TimeSource time) {
    return new Throttle(options.rate() == null ? Double.POSITIVE_INFINITY : options.rate(), options.burst(), time);
  }

  /** A slot: the caller may start its request at {@code grantAt} if no pause came in between. */
  record Reservation(long grantAt, long epoch) {}

  /** Proof that a request was let through at {@code grantedAt}; handed back with the response. */
  public record Permit(long grantedAt) {}

  /** Takes the next slot without waiting for it. */
  Reservation reserve() {
    lock.lock();
    try {
      long now = time.nanoTime();
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
  boolean stillValid(Reservation reservation) {
    lock.lock();
    try {
      settlePaceIfDue(time.nanoTime());
      return reservation.epoch == epoch;
    } finally {
      lock.unlock();
    }
  }

  /** Blocks, without spinning, until the caller may send one request. */
  public Permit acquire() throws InterruptedException {
    while (true) {
      Reservation r = reserve();
      time.sleep(Duration.ofNanos(r.grantAt() - time.nanoTime()));
      if (stillValid(r)) {
        return permitFor(r);
      }
    }
  }

  /**
   * Calls {@code granted} on {@code timer}'s thread once the caller may send one request; never
   * blocks. A {@link java.util.concurrent.RejectedExecutionException} from a shut-down timer
   * reaches the caller, or is dropped if it comes after the wait (the run is being torn down).
   */
  public void acquire(ScheduledExecutorService timer, Consumer<Permit> granted) {
    Reservation r = reserve();
    timer.schedule(
        () -> {
          if (stillValid(r)) {
            granted.accept(permitFor(r));
          } else {
            acquire(timer, granted); // a pause came in: queue up again
          }
        },
        Math.max(0, r.grantAt() - time.nanoTime()),
        TimeUnit.NANOSECONDS);
  }

  Permit permitFor(Reservation r) {
    return new Permit(Math.max(r.grantAt(), time.nanoTime()));
  }

  /** Records that the request sent under {@code permit} was accepted: the pace estimate uses it. */
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
  public void rateLimited(Permit permit, Duration retryAfter) {
    lock.lock();
    try {
      long now = time.nanoTime();
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
  void pauseUntil(long nanoTime) {
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
    // Outstanding reservations are renewed after the pause, so their debt goes with them. The pause
    // stands in for the wait of the first request after it (one token at its end), so no gap is
    // longer than the pause itself; and it leaves no saved-up burst behind.
    tokens = 1;
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
    tokens = 1; // as after any pause: the first request goes at once, the next at the new pace
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
