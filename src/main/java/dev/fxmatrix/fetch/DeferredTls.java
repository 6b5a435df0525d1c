package dev.fxmatrix.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * A client's TLS, set up when an https call first goes to the network (beside its DNS lookup and
 * connect, on a thread of its own; its TLS connection waits for it), rather than when the client
 * is built. OkHttp builds it with the client: the JDK's trust store (144 certificates parsed, here) and an
 * SSLContext, ~110 ms of a short run on a cold JVM, which a run answered from the HTTP cache
 * never uses (the README's hourly cron job is one 23 times a day), nor {@code --offline},
 * {@code fxmatrix cache}, or a run that fails before it connects.
 *
 * <p>The TLS is the JDK's default, as OkHttp's own JDK platform makes it: the default
 * TrustManagerFactory's trust manager in a "TLS" SSLContext, which checks every handshake. OkHttp
 * asks the trust manager it is given for one thing when the client is built: the roots it indexes
 * to clean chains for certificate pinning. It gets none: fxmatrix pins no certificate (a pin, if
 * one were ever added, would fail closed), and a response's {@code handshake().peerCertificates()}
 * is then empty rather than the cleaned chain; nothing in fxmatrix reads it.
 */
final class DeferredTls {
  private DeferredTls() {}

  /** The two parts OkHttp takes. */
  record Tls(SSLSocketFactory sockets, X509TrustManager trust) {}

  /** Where a client's TLS comes from, when it first connects. */
  @FunctionalInterface
  interface Source {
    Tls load() throws GeneralSecurityException;
  }

  /**
   * Gives {@code builder} TLS from {@code source}, made once, for its first TLS connection. The
   * listener returned starts making it when an https call first goes to the network (its DNS
   * lookup, or its connect), on a thread of its own, so that it overlaps them; a call the cache
   * answers starts nothing.
   */
  static EventListener install(OkHttpClient.Builder builder, Source source) {
    Once once = new Once(source);
    builder.sslSocketFactory(new Sockets(once), new Trust(once));
    return new EventListener() {
      @Override
      public void dnsStart(Call call, String domainName) {
        startFor(call);
      }

      @Override
      public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        startFor(call);
      }

      private void startFor(Call call) {
        if (call.request().url().isHttps()) {
          once.startInBackground();
        }
      }
    };
  }

  /** The JDK's default TLS: its trust store, as {@code javax.net.ssl.trustStore} and the rest say. */
  static Tls jdkDefault() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    TrustManager[] managers = factory.getTrustManagers();
    if (managers.length != 1 || !(managers[0] instanceof X509TrustManager trust)) {
      throw new GeneralSecurityException("unexpected default trust managers: " + Arrays.toString(managers));
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    return new Tls(context.getSocketFactory(), trust);
  }

  /** The source's TLS, or why there is none, from its first use on. */
  private static final class Once {
    private final Source source;
    private final AtomicBoolean started = new AtomicBoolean();
    private Tls tls;
    private SSLException failure;

    Once(Source source) {
      this.source = source;
    }

    synchronized Tls get() throws SSLException {
      if (tls == null && failure == null) {
        try {
          tls = source.load();
        } catch (GeneralSecurityException | RuntimeException e) {
          failure = new SSLException("cannot set up TLS: " + e.getMessage(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return tls;
    }

    /**
     * Makes it on a thread of its own, once. Whatever goes wrong there is said by the connection
     * that needs it: a failure is kept and thrown again there, and anything else is met again
     * there (not kept), rather than printed by this thread as a stack trace.
     */
    void startInBackground() {
      if (started.compareAndSet(false, true)) {
        Thread.ofPlatform().daemon().name("tls-set-up").start(() -> {
          try {
            get();
          } catch (Throwable e) {
            // see above
          }
        });
      }
    }

    /** For the methods that cannot throw an IOException. */
    Tls getOrNull() {
      try {
        return get();
      } catch (SSLException e) {
        return null;
      }
    }
  }

  private static final class Sockets extends SSLSocketFactory {
    private final Once once;

    Sockets(Once once) {
      this.once = once;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      Tls tls = once.getOrNull();
      return tls == null ? new String[0] : tls.sockets().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      Tls tls = once.getOrNull();
      return tls == null ? new String[0] : tls.sockets().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return once.get().sockets().createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
      return once.get().sockets().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
      return once.get().sockets().createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return once.get().sockets().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return once.get().sockets().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return once.get().sockets().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return once.get().sockets().createSocket(address, port, localAddress, localPort);
    }
  }

  /**
   * What OkHttp holds as the client's trust manager. The handshakes never reach it (the SSLContext
   * has the real one); a caller that does gets the real one's answer.
   */
  private static final class Trust implements X509TrustManager {
    private final Once once;

    Trust(Once once) {
      this.once = once;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      real().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      real().checkServerTrusted(chain, authType);
    }

    /** Asked by OkHttp when the client is built, for certificate pinning's roots: none (see the class). */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }

    private X509TrustManager real() throws CertificateException {
      try {
        return once.get().trust();
      } catch (SSLException e) {
        throw new CertificateException(e.getMessage(), e);
      }
    }
  }
}
