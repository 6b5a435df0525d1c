package dev.fxmatrix.fetch;

import dev.fxmatrix.api.FrankfurterApi;
import dev.fxmatrix.api.RateTable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The one attempt loop of every strategy: a permit from the throttle, a request, a decision (done;
 * or again after a back-off; or, after a 429, again once the whole run has paused), and exactly one
 * outcome per job. Strategies only decide where it runs.
 *
 * <p>The loop is written once, as {@link Step}s that a {@link JobRun} hands out, and run by one of
 * two drivers: {@link #run} waits and sends on the calling thread (the thread strategies, and the
 * parent's lanes of the process strategy, whose sends go to a worker process), {@link #runAsync}
 * waits on a timer and sends through OkHttp's {@code enqueue}, so no thread is parked per job.
 * Each step a driver takes is guarded: whatever it throws becomes that job's failure, with the
 * attempts really made; and the run's {@link Outcomes} keeps one outcome per row whatever happens.
 */
public final class Engine implements AutoCloseable {
  private final FetchOptions options;
  private final OkHttpClient client;
  private final FrankfurterApi api;
  private final Throttle throttle;
  private final RetryPolicy policy;
  private final FetchListener listener;
  private final TimeSource time;
  private final Supplier<RandomGenerator> random;
  private final HttpAttempts http;
  private volatile boolean cancelled;

  /**
   * @param client sends the requests; closing the engine shuts it down
   * @param random the back-off's jitter (per thread: {@code ThreadLocalRandom::current})
   */
  public Engine(
      FetchOptions options,
      OkHttpClient client,
      Throttle throttle,
      FetchListener listener,
      TimeSource time,
      Supplier<RandomGenerator> random) {
    this.options = options;
    this.client = client;
    this.api = new FrankfurterApi(options.apiUrl(), options.userAgent());
    this.throttle = throttle;
    this.policy = RetryPolicy.of(options.retries());
    this.listener = listener;
    this.time = time;
    this.random = random;
    this.http = new HttpAttempts(api, options.timeout(), time);
  }

  /** An engine as a run builds it, from {@code options}: its own client, sized for {@code concurrency}. */
  public static Engine open(FetchOptions options, int concurrency, FetchListener listener) {
    return new Engine(
        options,
        HttpClients.create(options, concurrency),
        Throttle.of(options.throttle(), TimeSource.SYSTEM),
        listener,
        TimeSource.SYSTEM,
        ThreadLocalRandom::current);
  }

  /** What this engine was built from (a worker process of the process strategy gets the same). */
  public FetchOptions options() {
    return options;
  }

  /** How one attempt's request is sent elsewhere (by a worker process) and its result brought back. */
  @FunctionalInterface
  public interface Exchanger {
    AttemptResult exchange(Job job) throws InterruptedException;
  }

  /** Fetches {@code job} on the calling thread, retrying as the policy allows; blocks until done. */
  public void run(Job job, Outcomes outcomes) {
    run(job, outcomes, Thread.currentThread().getName(), this::attempt);
  }

  /** {@link #run}, each attempt sent by {@code exchanger}; {@code lane} names where, for the listener. */
  public void run(Job job, Outcomes outcomes, String lane, Exchanger exchanger) {
    JobRun run = new JobRun(job, outcomes, lane);
    try {
      Step step = run.start();
      while (!(step instanceof Step.Done)) {
        step =
            switch (step) {
              case Step.Acquire acquire -> {
                time.sleep(acquire.after());
                yield run.send(throttle.acquire());
              }
              case Step.Send send -> run.received(send.permit(), exchanger.exchange(job));
              case Step.Done done -> done;
            };
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.finish(run.cancelled());
    } catch (Throwable e) {
      run.crashed(e);
    }
  }

  /**
   * Fetches {@code job} without blocking any thread: waits are scheduled on {@code timer}, requests
   * go out through OkHttp's {@code enqueue}, and the outcome is offered from whichever thread
   * finished last. Returns at once.
   */
  public void runAsync(Job job, Outcomes outcomes, ScheduledExecutorService timer) {
    JobRun run = new JobRun(job, outcomes, "connection-" + job.row());
    advance(run, timer, run::start);
  }

  /** Takes the step {@code next} gives, and arranges for the one after it. */
  private void advance(JobRun run, ScheduledExecutorService timer, Supplier<Step> next) {
    try {
      switch (next.get()) {
        case Step.Acquire acquire -> {
          Runnable take = () -> throttle.acquire(timer, permit -> advance(run, timer, () -> run.send(permit)));
          if (acquire.after().isZero()) {
            take.run();
          } else {
            timer.schedule(take, acquire.after().toNanos(), TimeUnit.NANOSECONDS);
          }
        }
        case Step.Send send ->
            client
                .newCall(api.request(run.job.base(), run.job.symbols(), options.date()))
                .enqueue(
                    new Callback() {
                      @Override
                      public void onResponse(Call call, Response response) {
                        advance(run, timer, () -> run.received(send.permit(), http.fromResponse(run.job, options.date(), response)));
                      }

                      @Override
                      public void onFailure(Call call, IOException e) {
                        advance(run, timer, () -> run.received(send.permit(), http.fromException(e)));
                      }
                    });
        case Step.Done done -> {}
      }
    } catch (Throwable e) {
      run.crashed(e);
    }
  }

  /** One attempt for {@code job} on the calling thread, without throttle or retries: what a worker process does. */
  public AttemptResult attempt(Job job) {
    Call call = client.newCall(api.request(job.base(), job.symbols(), options.date()));
    try {
      return http.fromResponse(job, options.date(), call.execute());
    } catch (IOException e) {
      return http.fromException(e);
    }
  }

  /** Stops the run: jobs still waiting end as cancelled, and calls in flight are aborted. */
  public void cancel() {
    cancelled = true;
    client.dispatcher().cancelAll();
  }

  /** Lets the JVM exit at once; see {@link HttpClients#shutdown}. */
  @Override
  public void close() {
    HttpClients.shutdown(client);
  }

  /** What a driver does next for a job. */
  private sealed interface Step {
    /** Wait {@code after}, then take a permit from the throttle and {@link JobRun#send} with it. */
    record Acquire(Duration after) implements Step {}

    /** Send the job's request under {@code permit}, then hand the result to {@link JobRun#received}. */
    record Send(Throttle.Permit permit) implements Step {}

    /** The outcome is offered. */
    record Done() implements Step {}
  }

  private static final Step DONE = new Step.Done();

  /** One job's way through the loop: its attempts so far, and where its outcome goes. */
  private final class JobRun {
    final Job job;
    final Outcomes outcomes;
    final String lane;
    long sentAt; // written by one step at a time, whichever thread runs it

    JobRun(Job job, Outcomes outcomes, String lane) {
      this.job = job;
      this.outcomes = outcomes;
      this.lane = lane;
    }

    Step start() {
      if (!job.needsRequest()) {
        return finish(new Outcome.Fetched(job, new RateTable(job.base(), null, Map.of()), 0));
      }
      return new Step.Acquire(Duration.ZERO);
    }

    Step send(Throttle.Permit permit) {
      if (cancelled) {
        return finish(cancelled());
      }
      sentAt = time.nanoTime();
      listener.requestStarted(job, attempts() + 1, sentAt);
      outcomes.sent(job.row()); // counted as it goes out
      return new Step.Send(permit);
    }

    Step received(Throttle.Permit permit, AttemptResult result) {
      int attempts = attempts();
      listener.requestFinished(job, attempts, lane, sentAt, time.nanoTime());
      if (cancelled) {
        return finish(cancelled());
      }
      return switch (result) {
        case AttemptResult.Success success -> {
          throttle.succeeded(permit);
          yield finish(new Outcome.Fetched(job, success.rates(), attempts));
        }
        case AttemptResult.Fatal fatal -> finish(failed(fatal.reason(), fatal.cause()));
        case AttemptResult.Retryable retryable -> retry(permit, retryable);
      };
    }

    private Step retry(Throttle.Permit permit, AttemptResult.Retryable failure) {
      int attempts = attempts();
      if (failure.rateLimited()) {
        Duration pause = policy.rateLimitPause(failure.retryAfter(), attempts, random.get());
        if (pause.compareTo(policy.maxRetryAfter()) > 0) {
          return finish(failed(failure.reason() + ", server asks to wait " + Durations.format(pause), null));
        }
        // The whole run waits, not just this job: the throttle holds every job back.
        throttle.rateLimited(permit, pause);
        return policy.allowsAnother(attempts)
            ? new Step.Acquire(Duration.ZERO)
            : finish(failed(failure.reason(), failure.cause()));
      }
      if (!policy.allowsAnother(attempts)) {
        return finish(failed(failure.reason(), failure.cause()));
      }
      Duration delay = failure.retryAfter() != null ? failure.retryAfter() : policy.backoff(attempts, random.get());
      if (delay.compareTo(policy.maxRetryAfter()) > 0) {
        return finish(failed(failure.reason() + ", server asks to wait " + Durations.format(delay), failure.cause()));
      }
      return new Step.Acquire(delay);
    }

    int attempts() {
      return outcomes.attempts(job.row());
    }

    Outcome.Failed failed(String reason, Throwable cause) {
      return new Outcome.Failed(job, reason, attempts(), cause);
    }

    Outcome.Failed cancelled() {
      return failed("cancelled", null);
    }

    Step finish(Outcome outcome) {
      outcomes.offer(outcome);
      return DONE;
    }

    /** A step threw: a bug, or a listener's; the job still ends, as its own failure. */
    void crashed(Throwable e) {
      finish(cancelled ? cancelled() : failed("internal error: " + e, e));
    }
  }
}
