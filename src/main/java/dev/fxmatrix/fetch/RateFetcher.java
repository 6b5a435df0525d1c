package dev.fxmatrix.fetch;

import dev.fxmatrix.api.FrankfurterApi;
import dev.fxmatrix.api.RateTable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Fetches the rates of one job: throttle, request, classify, retry. This is the only place that
 * does so; strategies decide only on which thread (or callback) each job runs. Both paths, the
 * blocking {@link #fetch} and the callback-driven {@link #fetchAsync}, share the decision of what
 * to do after each attempt ({@link #decide}).
 */
public final class RateFetcher {
  private final OkHttpClient client;
  private final FrankfurterApi api;
  private final PermitSource permits;
  private final Throttle throttle; // the non-blocking path's reservations; null when permits come from elsewhere
  private final RetryPolicy policy;
  private final LocalDate date;
  private final Duration timeout;
  private final HttpAttempts attempts;
  private final FetchListener listener;
  private volatile boolean cancelled;

  public RateFetcher(
      OkHttpClient client,
      FrankfurterApi api,
      Throttle throttle,
      RetryPolicy policy,
      LocalDate date,
      Duration timeout,
      FetchListener listener) {
    this(client, api, throttle, throttle, policy, date, timeout, listener);
  }

  private RateFetcher(
      OkHttpClient client,
      FrankfurterApi api,
      PermitSource permits,
      Throttle throttle,
      RetryPolicy policy,
      LocalDate date,
      Duration timeout,
      FetchListener listener) {
    this.client = client;
    this.api = api;
    this.permits = permits;
    this.throttle = throttle;
    this.policy = policy;
    this.date = date;
    this.timeout = timeout;
    this.attempts = new HttpAttempts(api, timeout, Clock.systemUTC());
    this.listener = listener;
  }

  /**
   * A fetcher for the blocking {@link #fetch} only, whose permits come from {@code permits}: a
   * worker process of the {@code process} strategy asks its parent's throttle for each one.
   */
  public static RateFetcher withPermits(
      OkHttpClient client,
      FrankfurterApi api,
      PermitSource permits,
      RetryPolicy policy,
      LocalDate date,
      Duration timeout,
      FetchListener listener) {
    return new RateFetcher(client, api, permits, null, policy, date, timeout, listener);
  }

  /**
   * How this fetcher fetches: what a worker process needs to build one that fetches the same way.
   * {@code logsRequests} is {@code --verbose}'s request log.
   */
  public record Settings(
      HttpUrl apiUrl, String userAgent, LocalDate date, Duration timeout, RetryPolicy policy, boolean logsRequests) {}

  public Settings settings() {
    boolean logsRequests = client.interceptors().stream().anyMatch(RequestLog.class::isInstance);
    return new Settings(api.baseUrl(), api.userAgent(), date, timeout, policy, logsRequests);
  }

  /** Where each request's permit comes from; the {@code process} strategy grants these to its workers. */
  public PermitSource permits() {
    return permits;
  }

  public FetchListener listener() {
    return listener;
  }

  /** Fetches {@code job} on the calling thread, retrying as the policy allows. */
  public Outcome fetch(Job job) throws InterruptedException {
    if (!job.needsRequest()) {
      return ownBaseOnly(job);
    }
    for (int attempt = 1; ; attempt++) {
      Throttle.Permit permit = permits.acquire();
      if (cancelled) {
        return cancelledOutcome(job, attempt - 1);
      }
      Call call = client.newCall(api.request(job.base(), job.symbols(), date));
      long start = System.nanoTime();
      listener.requestStarted(job, attempt, start);
      AttemptResult result;
      try {
        result = attempts.fromResponse(job, date, call.execute());
      } catch (IOException e) {
        result = attempts.fromException(e);
      }
      listener.requestFinished(job, attempt, Thread.currentThread().getName(), start, System.nanoTime());
      if (cancelled) {
        return cancelledOutcome(job, attempt);
      }
      switch (decide(job, attempt, permit, result)) {
        case Next.Done done -> {
          return done.outcome();
        }
        case Next.RetryIn retry -> {
          if (retry.delay().isPositive()) {
            Thread.sleep(retry.delay());
          }
        }
      }
    }
  }

  /**
   * Fetches {@code job} without blocking any thread: throttle waits and back-offs are scheduled on
   * {@code scheduler}, requests go out through OkHttp's {@code enqueue}, and {@code done} gets the
   * outcome on whichever thread finished last.
   */
  public void fetchAsync(Job job, ScheduledExecutorService scheduler, Consumer<Outcome> done) {
    if (!job.needsRequest()) {
      done.accept(ownBaseOnly(job));
      return;
    }
    if (throttle == null) {
      throw new IllegalStateException("the non-blocking path needs an in-process Throttle");
    }
    attemptAsync(job, 1, scheduler, done);
  }

  private void attemptAsync(Job job, int attempt, ScheduledExecutorService scheduler, Consumer<Outcome> done) {
    Throttle.Reservation slot = throttle.reserve();
    long wait = Math.max(0, slot.grantAt() - System.nanoTime());
    scheduler.schedule(
        () -> {
          if (cancelled) {
            done.accept(cancelledOutcome(job, attempt - 1));
          } else if (!throttle.stillValid(slot)) {
            attemptAsync(job, attempt, scheduler, done); // a pause came in: queue up again
          } else {
            sendAsync(job, attempt, throttle.permitFor(slot), scheduler, done);
          }
        },
        wait,
        TimeUnit.NANOSECONDS);
  }

  private void sendAsync(
      Job job, int attempt, Throttle.Permit permit, ScheduledExecutorService scheduler, Consumer<Outcome> done) {
    long start = System.nanoTime();
    listener.requestStarted(job, attempt, start);
    String lane = "connection-" + job.row();
    client
        .newCall(api.request(job.base(), job.symbols(), date))
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                finish(attempts.fromResponse(job, date, response));
              }

              @Override
              public void onFailure(Call call, IOException e) {
                finish(attempts.fromException(e));
              }

              private void finish(AttemptResult result) {
                listener.requestFinished(job, attempt, lane, start, System.nanoTime());
                if (cancelled) {
                  done.accept(cancelledOutcome(job, attempt));
                  return;
                }
                switch (decide(job, attempt, permit, result)) {
                  case Next.Done finished -> done.accept(finished.outcome());
                  case Next.RetryIn retry ->
                      scheduler.schedule(
                          () -> attemptAsync(job, attempt + 1, scheduler, done),
                          retry.delay().toNanos(),
                          TimeUnit.NANOSECONDS);
                }
              }
            });
  }

  /** Stops the run: queued attempts end as cancelled and in-flight calls are aborted. */
  public void cancelAll() {
    cancelled = true;
    client.dispatcher().cancelAll();
  }

  private sealed interface Next {
    record Done(Outcome outcome) implements Next {}

    record RetryIn(Duration delay) implements Next {}
  }

  private Next decide(Job job, int attempt, Throttle.Permit permit, AttemptResult result) {
    return switch (result) {
      case AttemptResult.Success success -> {
        permits.succeeded(permit);
        yield new Next.Done(new Outcome.Fetched(job, success.rates(), attempt));
      }
      case AttemptResult.Fatal fatal ->
          new Next.Done(new Outcome.Failed(job, fatal.reason(), attempt, fatal.cause()));
      case AttemptResult.Retryable retryable -> retry(job, attempt, permit, retryable);
    };
  }

  private Next retry(Job job, int attempt, Throttle.Permit permit, AttemptResult.Retryable failure) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (failure.rateLimited()) {
      Duration pause = policy.rateLimitPause(failure.retryAfter(), attempt, random);
      if (pause.compareTo(policy.maxRetryAfter()) > 0) {
        return new Next.Done(
            new Outcome.Failed(
                job, failure.reason() + ", server asks to wait " + Durations.format(pause), attempt, null));
      }
      // The whole run waits, not just this job: the throttle holds every worker back.
      permits.rateLimited(permit, pause);
      return policy.allowsAnother(attempt)
          ? new Next.RetryIn(Duration.ZERO)
          : new Next.Done(new Outcome.Failed(job, failure.reason(), attempt, failure.cause()));
    }
    if (!policy.allowsAnother(attempt)) {
      return new Next.Done(new Outcome.Failed(job, failure.reason(), attempt, failure.cause()));
    }
    Duration delay = failure.retryAfter() != null ? failure.retryAfter() : policy.backoff(attempt, random);
    if (delay.compareTo(policy.maxRetryAfter()) > 0) {
      return new Next.Done(new Outcome.Failed(job, failure.reason(), attempt, failure.cause()));
    }
    return new Next.RetryIn(delay);
  }

  private static Outcome ownBaseOnly(Job job) {
    return new Outcome.Fetched(job, new RateTable(job.base(), null, Map.of()), 0);
  }

  private static Outcome cancelledOutcome(Job job, int attempts) {
    return new Outcome.Failed(job, "cancelled", attempts, null);
  }
}
