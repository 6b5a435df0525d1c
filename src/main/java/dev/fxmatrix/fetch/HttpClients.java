package dev.fxmatrix.fetch;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Cache;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** Builds the one OkHttp client a run uses, sized for the run's concurrency. */
public final class HttpClients {
  /** Whether this JVM is fxmatrix's own process, set by {@link #ownProcess}. */
  private static volatile boolean ownProcess;

  private HttpClients() {}

  /**
   * Says the JVM runs fxmatrix alone (its {@code main}), so that a client for plain HTTP only may
   * leave the JDK's security providers but SUN unloaded for the rest of the process. Never in a
   * JVM shared with other code, such as the tests', where a client for https may come next.
   */
  public static void ownProcess() {
    ownProcess = true;
  }

  /**
   * A client for {@code options}: its timeout bounds connect, each read and the whole call, and
   * {@code concurrency} is how many requests may be in flight at once (OkHttp's dispatcher would
   * otherwise hold asynchronous calls to 5 per host).
   */
  public static OkHttpClient create(FetchOptions options, int concurrency) {
    return create(options, concurrency, null);
  }

  /** {@link #create(FetchOptions, int)} with {@code cache} for answers (null for none). */
  public static OkHttpClient create(FetchOptions options, int concurrency, Cache cache) {
    OkHttpLogging.silence(); // before OkHttp's platform starts, and with it its logger
    int parallel = Math.max(5, concurrency);
    if (ownProcess && !options.usesTls()) {
      sunProviderOnly(); // before the builder, which starts OkHttp's platform
    }
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    EventListener listener = TlsWatch.LISTENER;
    if (options.usesTls()) {
      listener = listener.plus(DeferredTls.install(builder, DeferredTls::jdkDefault));
    } else {
      // Plain HTTP only (the embedded API, a local mirror): no TLS at all, not even deferred.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    if (options.requestLog() != null) {
      builder.addInterceptor(new RequestLog(options.requestLog()));
    }
    if (cache != null) {
      builder.cache(cache).addNetworkInterceptor(HttpClients::neverStoreErrors);
    }
    Dispatcher dispatcher = new Dispatcher(daemonPool());
    dispatcher.setMaxRequests(Math.max(64, parallel));
    dispatcher.setMaxRequestsPerHost(parallel);
    Duration timeout = options.timeout();
    return builder
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(parallel, 1, TimeUnit.MINUTES))
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        // OkHttp then reconnects at once when a kept-alive connection turns out closed by the
        // server (HTTP/1.0 servers, idle timeouts), or tries a host's next address; a request that
        // failed on a fresh connection is left to our retry policy, so the attempts we report are true.
        .retryOnConnectionFailure(true)
        .eventListener(listener)
        .build();
  }

  /**
   * A client that only reads {@code cache} (requests that may not go to the network): its TLS, which
   * it never uses, is not set up.
   */
  public static OkHttpClient cacheReader(Cache cache) {
    OkHttpLogging.silence();
    OkHttpClient.Builder builder = new OkHttpClient.Builder().cache(cache);
    DeferredTls.install(builder, DeferredTls::jdkDefault); // its listener unused: this client never connects
    return builder.build();
  }

  /**
   * The JDK's TLS set-up, which a client makes on its first https connection, made now: the
   * launcher's training runs connect to no https server, and its archive should hold these classes.
   */
  public static void setUpTlsNow() throws GeneralSecurityException {
    DeferredTls.jdkDefault();
  }

  /**
   * OkHttp's platform asks {@code Security.getProviders()}, which loads all twelve of the JDK's
   * providers (SunEC's curves, SunJCE's ciphers: ~15 ms of a short run) though plain HTTP uses
   * none but SUN's digests and random numbers. An empty second entry ends the list the JDK makes
   * from {@code security.provider.N} when it is first asked for it: so this holds only if nothing
   * asked yet (else the full list stays, as before), and never where the user gave providers of
   * their own ({@code java.security.properties}).
   */
  private static void sunProviderOnly() {
    if (System.getProperty("java.security.properties") == null) {
      Security.setProperty("security.provider.2", "");
    }
  }

  /**
   * An error is no answer to keep, whatever its headers say (Frankfurter's carry no-store; not every
   * API's do): a 404 cached for a day would outlive the outage it came from.
   */
  private static Response neverStoreErrors(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful() || response.code() == 304) {
      return response;
    }
    return response.newBuilder().header("Cache-Control", "no-store").removeHeader("Expires").build();
  }

  /** Lets the JVM exit at once: OkHttp's own executor and idle connections would hold it ~60 s. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  // Like OkHttp's default executor, but with daemon threads: a finished run must not wait for them.
  private static ExecutorService daemonPool() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "okhttp-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
