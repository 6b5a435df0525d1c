package dev.fxmatrix.fetch;

import dev.fxmatrix.api.ApiException;
import dev.fxmatrix.api.EcbCalendar;
import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.Provider;
import dev.fxmatrix.api.Providers;
import dev.fxmatrix.api.RateTable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.CacheControl;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The one attempt loop of every strategy: a permit from the provider's throttle, a request, a
 * decision (done; or again after a back-off; or, after a 429, again once every job of that provider
 * has paused; or on to the next provider of the chain), and exactly one outcome per job.
 * Strategies only decide where it runs.
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
  private final List<Link> chain;
  private final RetryPolicy policy;
  private final FetchListener listener;
  private final TimeSource time;
  private final Supplier<RandomGenerator> random;
  private final HttpAttempts http;
  private final HttpCache cache; // null: no HTTP cache
  private volatile boolean cancelled;

  /** One provider of the chain, with its own throttle; {@code shared} for a provider whose one answer serves all. */
  private record Link(Provider provider, Throttle throttle, SharedAnswer shared) {}

  public Engine(
      FetchOptions options,
      OkHttpClient client,
      FetchListener listener,
      TimeSource time,
      Supplier<RandomGenerator> random) {
    this(options, client, null, listener, time, random);
  }

  /**
   * @param client sends the requests; closing the engine shuts it down
   * @param cache the client's HTTP cache, closed with the engine; null for none
   * @param random the back-off's jitter (per thread: {@code ThreadLocalRandom::current})
   */
  public Engine(
      FetchOptions options,
      OkHttpClient client,
      HttpCache cache,
      FetchListener listener,
      TimeSource time,
      Supplier<RandomGenerator> random) {
    this.options = options;
    this.client = client;
    this.cache = cache;
    this.policy = RetryPolicy.of(options.retries());
    this.listener = listener;
    this.time = time;
    this.random = random;
    this.http = new HttpAttempts(options.timeout(), time);
    List<Link> links = new ArrayList<>();
    for (Endpoint endpoint : options.chain()) {
      Provider provider = Providers.create(endpoint, options.userAgent());
      links.add(new Link(provider, Throttle.of(options.throttle(), time), provider.oneAnswerForAll() ? new SharedAnswer() : null));
    }
    this.chain = List.copyOf(links);
  }

  /**
   * An engine as a run builds it, from {@code options}: its own client, sized for {@code
   * concurrency}, with the HTTP cache if the options have one and it can be had ({@code note} hears
   * why not).
   */
  public static Engine open(FetchOptions options, int concurrency, FetchListener listener, Consumer<String> note)
      throws InterruptedException {
    HttpCache cache =
        options.caching().enabled() ? HttpCache.open(options.caching().dir(), CACHE_LOCK_WAIT, note).orElse(null) : null;
    OkHttpClient client = HttpClients.create(options, concurrency, cache == null ? null : cache.cache());
    return new Engine(options, client, cache, listener, TimeSource.SYSTEM, ThreadLocalRandom::current);
  }

  /** {@link #open(FetchOptions, int, FetchListener, Consumer)} without a cache. */
  public static Engine open(FetchOptions options, int concurrency, FetchListener listener) {
    return new Engine(options.withCaching(FetchOptions.Caching.OFF), HttpClients.create(options, concurrency), null, listener,
        TimeSource.SYSTEM, ThreadLocalRandom::current);
  }

  /** How long a run waits for another run's hold on the cache before it goes without it. */
  static final Duration CACHE_LOCK_WAIT = Duration.ofSeconds(5);

  /** What this engine was built from (a worker process of the process strategy gets the same). */
  public FetchOptions options() {
    return options;
  }

  /** The chain's providers, in order. */
  public List<Provider> providers() {
    return chain.stream().map(Link::provider).toList();
  }

  /** How one attempt's request is sent elsewhere (by a worker process) and its result brought back. */
  @FunctionalInterface
  public interface Exchanger {
    /** One attempt for {@code job} at the chain's {@code link}-th provider, sent as attempt number {@code attempt}. */
    AttemptResult exchange(Job job, int link, int attempt) throws InterruptedException;
  }

  /** Fetches {@code job} on the calling thread, retrying as the policy allows; blocks until done. */
  public void run(Job job, Outcomes outcomes) {
    drive(new JobRun(job, outcomes, Thread.currentThread().getName()), null);
  }

  /** {@link #run}, each attempt sent by {@code exchanger}; {@code lane} names where, for the listener. */
  public void run(Job job, Outcomes outcomes, String lane, Exchanger exchanger) {
    drive(new JobRun(job, outcomes, lane), exchanger);
  }

  private void drive(JobRun run, Exchanger exchanger) {
    try {
      Step step = run.start();
      while (!(step instanceof Step.Done)) {
        step =
            switch (step) {
              case Step.Acquire acquire -> {
                time.sleep(acquire.after());
                yield run.send(run.link().throttle().acquire());
              }
              case Step.Send send ->
                  run.received(
                      send.permit(),
                      exchanger == null ? execute(run) : exchanger.exchange(run.job, run.linkIndex, run.linkAttempts()));
              case Step.Shared shared -> run.derive(awaitShared(shared.link()));
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
          Runnable take = () -> run.link().throttle().acquire(timer, permit -> advance(run, timer, () -> run.send(permit)));
          if (acquire.after().isZero()) {
            take.run();
          } else {
            timer.schedule(take, acquire.after().toNanos(), TimeUnit.NANOSECONDS);
          }
        }
        case Step.Send send ->
            client
                .newCall(run.request())
                .enqueue(
                    new Callback() {
                      @Override
                      public void onResponse(Call call, Response response) {
                        advance(run, timer, () -> run.received(send.permit(), http.fromResponse(run.link().provider(), run.job, options.date(), response)));
                      }

                      @Override
                      public void onFailure(Call call, IOException e) {
                        advance(run, timer, () -> run.received(send.permit(), http.fromException(e, call.request())));
                      }
                    });
        case Step.Shared shared ->
            shared(shared.link()).whenComplete((whole, e) -> advance(run, timer, () -> run.derive(whole)));
        case Step.Done done -> {}
      }
    } catch (Throwable e) {
      run.crashed(e);
    }
  }

  /** The run's next request, sent on this thread. */
  private AttemptResult execute(JobRun run) {
    okhttp3.Request request = run.request();
    try {
      return http.fromResponse(run.link().provider(), run.job, options.date(), client.newCall(request).execute());
    } catch (IOException e) {
      return http.fromException(e, request);
    }
  }

  /**
   * One attempt for {@code job} at the chain's {@code link}-th provider, on the calling thread,
   * without throttle or retries: what a worker process does for its parent.
   */
  public AttemptResult attempt(Job job, int link, int attempt) {
    Provider provider = chain.get(link).provider();
    okhttp3.Request request = TlsWatch.watched(provider.request(job.base(), job.symbols(), options.date(), attempt));
    try {
      return http.fromResponse(provider, job, options.date(), client.newCall(request).execute());
    } catch (IOException e) {
      return http.fromException(e, request);
    }
  }

  /** Stops the run: jobs still waiting end as cancelled, and calls in flight are aborted. */
  public void cancel() {
    cancelled = true;
    client.dispatcher().cancelAll();
  }

  /** Lets the JVM exit at once (see {@link HttpClients#shutdown}), and lets other runs have the cache. */
  @Override
  public void close() {
    HttpClients.shutdown(client);
    if (cache != null) {
      cache.close();
    }
  }

  /**
   * The one answer of a provider that serves every base from it (the ECB's table), fetched once per
   * run by the first job that needs it, through the same loop as any job (a pseudo-job for EUR and
   * every code the provider may have), on a thread of its own; the others wait for it.
   */
  private static final class SharedAnswer {
    private final CompletableFuture<Outcome> answer = new CompletableFuture<>();
    private boolean started; // guarded by this
  }

  private CompletableFuture<Outcome> shared(int link) {
    SharedAnswer shared = chain.get(link).shared();
    synchronized (shared) {
      if (!shared.started) {
        shared.started = true;
        Job whole = new Job(0, "EUR", Providers.EVERY_CODE_BUT_EUR);
        String name = chain.get(link).provider().name();
        Thread.ofVirtual().name(name).start(() -> {
          Outcomes one = new Outcomes(1);
          drive(new JobRun(whole, one, name, link), null);
          shared.answer.complete(one.has(0) ? one.taken(0) : new Outcome.Failed(whole, "cancelled", 0, null));
        });
      }
    }
    return shared.answer;
  }

  private Outcome awaitShared(int link) throws InterruptedException {
    try {
      return shared(link).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** What a driver does next for a job. */
  private sealed interface Step {
    /** Wait {@code after}, then take a permit from the provider's throttle and {@link JobRun#send} with it. */
    record Acquire(Duration after) implements Step {}

    /** Send the job's request under {@code permit}, then hand the result to {@link JobRun#received}. */
    record Send(Throttle.Permit permit) implements Step {}

    /** Wait for the {@code link}-th provider's one answer, then {@link JobRun#derive} the job's rows from it. */
    record Shared(int link) implements Step {}

    /** The outcome is offered. */
    record Done() implements Step {}
  }

  private static final Step DONE = new Step.Done();

  /** Asks the server whether a cached answer still holds, with the cache's validators (If-None-Match). */
  private static final CacheControl REVALIDATE = new CacheControl.Builder().maxAge(0, TimeUnit.SECONDS).build();

  /** One job's way through the loop: where in the chain it is, its attempts, and where its outcome goes. */
  private final class JobRun {
    final Job job;
    final Outcomes outcomes;
    final String lane;
    final int lastLink; // the shared answer's pseudo-job asks its one provider only
    final boolean sharedFetch;
    final List<Outcome.Failed> earlier = new ArrayList<>();
    // Written by one step at a time, whichever thread runs it.
    int linkIndex;
    int sentBefore; // requests sent for the job before this provider
    long sentAt;
    boolean revalidate; // the next request asks the server whether the cached answer still holds
    boolean bypassCache; // the cached answer was unreadable: the next request goes past the cache
    Outcome.Failed fromCache; // non-null: every provider failed, and this is the run's way through the cache

    JobRun(Job job, Outcomes outcomes, String lane) {
      this(job, outcomes, lane, -1);
    }

    /** With {@code only} at least 0, the shared answer's fetch from that one provider of the chain. */
    JobRun(Job job, Outcomes outcomes, String lane, int only) {
      this.job = job;
      this.outcomes = outcomes;
      this.lane = lane;
      this.sharedFetch = only >= 0;
      this.linkIndex = Math.max(0, only);
      this.lastLink = sharedFetch ? only : chain.size() - 1;
    }

    Link link() {
      return chain.get(linkIndex);
    }

    /** The current provider's request, with what the cache may do with it. */
    okhttp3.Request request() {
      okhttp3.Request request =
          TlsWatch.watched(link().provider().request(job.base(), job.symbols(), options.date(), Math.max(1, linkAttempts())));
      if (fromCache != null || options.caching().offline()) {
        return request.newBuilder().cacheControl(CacheControl.FORCE_CACHE).build();
      }
      if (bypassCache) {
        return request.newBuilder().cacheControl(CacheControl.FORCE_NETWORK).build();
      }
      return revalidate ? request.newBuilder().cacheControl(REVALIDATE).build() : request;
    }

    Step start() {
      if (!job.needsRequest()) {
        return finish(new Outcome.Fetched(job, new RateTable(job.base(), null, Map.of()), 0));
      }
      return begin();
    }

    /** Starts on the current provider, or past those that cannot serve the run's date. */
    private Step begin() {
      while (options.date() != null && !link().provider().servesDates()) {
        if (linkIndex == lastLink) {
          return finish(failed("serves no past dates, so not --date " + options.date(), null));
        }
        linkIndex++;
      }
      sentBefore = outcomes.attempts(job.row());
      return link().shared() != null && !sharedFetch ? new Step.Shared(linkIndex) : new Step.Acquire(Duration.ZERO);
    }

    Step send(Throttle.Permit permit) {
      if (cancelled) {
        return finish(cancelled());
      }
      sentAt = time.nanoTime();
      if (fromCache == null) {
        listener.requestStarted(job, outcomes.attempts(job.row()) + 1, sentAt);
        outcomes.sent(job.row()); // counted as it goes out
      }
      return new Step.Send(permit);
    }

    Step received(Throttle.Permit permit, AttemptResult result) {
      if (fromCache == null) {
        listener.requestFinished(job, outcomes.attempts(job.row()), lane, sentAt, time.nanoTime());
      }
      if (cancelled) {
        return finish(cancelled());
      }
      if (fromCache != null) {
        return fromCache(result);
      }
      return switch (result) {
        case AttemptResult.Success success -> {
          link().throttle().succeeded(permit);
          yield answered(success);
        }
        case AttemptResult.Fatal fatal -> next(failed(fatal.reason(), fatal.cause()));
        case AttemptResult.Retryable retryable -> retry(permit, retryable);
        case AttemptResult.CacheUnreadable unreadable -> {
          if (options.caching().offline()) {
            yield next(failed("the cached answer is unreadable (--offline sends no request)", unreadable.cause()));
          }
          bypassCache = true; // its next answer overwrites the broken entry
          yield new Step.Acquire(Duration.ZERO);
        }
      };
    }

    /** An answer: the job's row, unless it is too old to trust or to print. */
    private Step answered(AttemptResult.Success success) {
      RateTable rates = success.rates();
      if (success.source() == AttemptResult.Source.HIT && !options.caching().offline() && !revalidate
          && link().provider().staleFrom(rates, options.date()).filter(stale -> !time.now().isBefore(stale)).isPresent()) {
        // Cached before the provider's last publication: ask the server (with the cache's
        // validators, so an unchanged answer costs a 304) rather than print yesterday's rates as today's.
        revalidate = true;
        return new Step.Acquire(Duration.ZERO);
      }
      if (options.caching().offline()) {
        rates = rates.withCachedAt(success.fetchedAt()); // every row is the cache's: marked as such in csv and json
      }
      Optional<String> tooOld = tooOld(rates);
      if (tooOld.isPresent()) {
        return next(failed(tooOld.get(), null));
      }
      return finish(new Outcome.Fetched(job, rates, linkAttempts(), earlier));
    }

    /** {@code --max-age}: rates whose publication lies longer ago than that fail the job here. */
    private Optional<String> tooOld(RateTable rates) {
      Duration maxAge = options.caching().maxAge();
      if (maxAge == null || rates.date() == null) {
        return Optional.empty();
      }
      Instant published = rates.date().atTime(16, 0).atZone(EcbCalendar.FRANKFURT).toInstant();
      return published.plus(maxAge).isBefore(time.now())
          ? Optional.of("rates of " + rates.date() + " are older than --max-age " + Durations.format(maxAge))
          : Optional.empty();
    }

    /** Every provider failed; {@code --stale-if-error} looks for a cached answer at each in turn. */
    private Step fromCache(AttemptResult result) {
      if (result instanceof AttemptResult.Success success && youngEnough(success.fetchedAt())) {
        RateTable rates = success.rates().withCachedAt(success.fetchedAt());
        if (tooOld(rates).isEmpty()) {
          List<Outcome.Failed> failures = new ArrayList<>(fromCache.earlier());
          failures.add(fromCache.withoutEarlier());
          return finish(new Outcome.Fetched(job, rates, 0, failures));
        }
      }
      if (linkIndex == lastLink) {
        return finish(fromCache);
      }
      linkIndex++;
      return new Step.Send(null);
    }

    private boolean youngEnough(Instant fetchedAt) {
      return fetchedAt != null && !fetchedAt.plus(options.caching().staleIfError()).isBefore(time.now());
    }

    /** This job's row, from the provider's one answer (or that answer's failure). */
    Step derive(Outcome whole) {
      if (cancelled) {
        return finish(cancelled());
      }
      String provider = link().provider().name();
      return switch (whole) {
        case Outcome.Fetched fetched -> {
          try {
            RateTable rates = link().provider().derive(fetched.rates(), job.base(), job.symbols());
            yield finish(new Outcome.Fetched(job, rates, fetched.attempts(), earlier));
          } catch (ApiException notCarried) {
            yield next(new Outcome.Failed(job, provider, notCarried.getMessage(), fetched.attempts(), null, earlier));
          }
        }
        case Outcome.Failed failed ->
            next(new Outcome.Failed(job, provider, failed.reason(), failed.attempts(), failed.cause(), earlier));
      };
    }

    private Step retry(Throttle.Permit permit, AttemptResult.Retryable failure) {
      int attempts = linkAttempts();
      if (failure.rateLimited()) {
        Duration pause = policy.rateLimitPause(failure.retryAfter(), attempts, random.get());
        if (pause.compareTo(policy.maxRetryAfter()) > 0) {
          return next(failed(failure.reason() + ", server asks to wait " + Durations.format(pause), null));
        }
        // Every job of this provider waits, not just this one: its throttle holds them back.
        link().throttle().rateLimited(permit, pause);
        return policy.allowsAnother(attempts) ? new Step.Acquire(Duration.ZERO) : next(failed(failure.reason(), failure.cause()));
      }
      if (!policy.allowsAnother(attempts)) {
        return next(failed(failure.reason(), failure.cause()));
      }
      Duration delay = failure.retryAfter() != null ? failure.retryAfter() : policy.backoff(attempts, random.get());
      if (delay.compareTo(policy.maxRetryAfter()) > 0) {
        return next(failed(failure.reason() + ", server asks to wait " + Durations.format(delay), failure.cause()));
      }
      return new Step.Acquire(delay);
    }

    /** The current provider failed the job for good: on to the next one, if there is one. */
    private Step next(Outcome.Failed failure) {
      if (cancelled) {
        return finish(cancelled());
      }
      if (linkIndex == lastLink) {
        if (cache != null && options.caching().staleIfError() != null && !sharedFetch && !options.caching().offline()) {
          fromCache = failure;
          linkIndex = 0;
          return new Step.Send(null);
        }
        return finish(failure);
      }
      earlier.add(failure);
      linkIndex++;
      return begin();
    }

    /** Requests sent for the job by the current provider. */
    int linkAttempts() {
      return outcomes.attempts(job.row()) - sentBefore;
    }

    Outcome.Failed failed(String reason, Throwable cause) {
      String provider = chain.isEmpty() ? null : link().provider().name();
      return new Outcome.Failed(job, provider, reason, linkAttempts(), cause, earlier);
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
