package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's TLS comes when it first connects, checks every handshake, and never comes for a cached answer. */
class DeferredTlsTest {
  static final HeldCertificate LOCALHOST =
      new HeldCertificate.Builder().addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
  static final HandshakeCertificates SERVER = new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build();
  static final HandshakeCertificates TRUSTING =
      new HandshakeCertificates.Builder().addTrustedCertificate(LOCALHOST.certificate()).build();

  final MockWebServer server = new MockWebServer();
  final AtomicInteger loads = new AtomicInteger();
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server.useHttps(SERVER.sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  /** TLS that trusts exactly {@code certificates}, counted each time it is made. */
  DeferredTls.Source counted(HandshakeCertificates certificates) {
    return () -> {
      loads.incrementAndGet();
      return new DeferredTls.Tls(certificates.sslSocketFactory(), certificates.trustManager());
    };
  }

  /** A client as fxmatrix builds one: the TLS from {@code source}, and the listener that starts it. */
  OkHttpClient client(DeferredTls.Source source, Cache cache) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().cache(cache);
    return builder.eventListener(DeferredTls.install(builder, source)).build();
  }

  /** {@code loads} once it reaches {@code count}, or after 5 s: the set-up runs on a thread of its own. */
  int loadsOnceAt(int count) throws InterruptedException {
    for (int i = 0; i < 100 && loads.get() < count; i++) {
      Thread.sleep(50);
    }
    return loads.get();
  }

  String get(OkHttpClient client, String path) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url(path)).build()).execute()) {
      return response.code() + " " + response.body().string() + (response.networkResponse() == null ? " (cache)" : "");
    }
  }

  static MockResponse answer(String body, String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(200).body(body);
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }

  @Test
  void aClientIsBuiltWithoutItsTls() {
    client(counted(TRUSTING), null);
    assertThat(loads).hasValue(0);
  }

  @Test
  void theFirstConnectionMakesItOnceForAllThatFollow() throws Exception {
    server.enqueue(answer("one", "Connection", "close")); // the second request needs a connection of its own
    server.enqueue(answer("two"));
    OkHttpClient client = client(counted(TRUSTING), null);

    assertThat(get(client, "/a")).isEqualTo("200 one");
    assertThat(get(client, "/b")).isEqualTo("200 two");
    assertThat(loadsOnceAt(1)).isEqualTo(1);
    assertThat(server.takeRequest().getHandshake()).isNotNull();
  }

  @Test
  void everyHandshakeIsCheckedByTheTrustItMade() {
    server.enqueue(answer("never read"));
    HandshakeCertificates trustingSomeoneElse =
        new HandshakeCertificates.Builder().addTrustedCertificate(new HeldCertificate.Builder().build().certificate()).build();
    OkHttpClient client = client(counted(trustingSomeoneElse), null);

    assertThatThrownBy(() -> get(client, "/a")).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void anAnswerFromTheCacheNeedsNoTls() throws Exception {
    server.enqueue(answer("rates", "Cache-Control", "max-age=3600"));
    Path folder = Files.createDirectories(dir.resolve("http"));
    try (Cache cache = new Cache(folder.toFile(), 1 << 20)) {
      assertThat(get(client(counted(TRUSTING), cache), "/latest")).isEqualTo("200 rates");
    }
    loads.set(0);

    try (Cache cache = new Cache(folder.toFile(), 1 << 20)) { // a later run's
      assertThat(get(client(counted(TRUSTING), cache), "/latest")).isEqualTo("200 rates (cache)");
    }
    Thread.sleep(300); // time enough for a set-up the call had started in the background
    assertThat(loads).hasValue(0);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCallThatGoesToTheNetworkStartsItBeforeItsConnection() throws Exception {
    // A port nobody listens on: the connect is refused, so no TLS connection ever asks for it.
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    OkHttpClient client = client(counted(TRUSTING), null);
    Request request = new Request.Builder().url("https://127.0.0.1:" + closed + "/latest").build();

    assertThatThrownBy(() -> client.newCall(request).execute()).isInstanceOf(ConnectException.class);
    assertThat(loadsOnceAt(1)).isEqualTo(1);
  }

  @Test
  void tlsThatCannotBeMadeFailsTheConnectionsAndIsTriedOnce() throws Exception {
    DeferredTls.Source broken = () -> {
      loads.incrementAndGet();
      throw new GeneralSecurityException("trust store unreadable");
    };
    OkHttpClient client = client(broken, null);

    for (String path : new String[] {"/a", "/b"}) {
      assertThatThrownBy(() -> get(client, path))
          .isInstanceOf(SSLException.class)
          .hasMessage("cannot set up TLS: trust store unreadable");
    }
    assertThat(loadsOnceAt(1)).isEqualTo(1);
  }

  @Test
  void theJdksDefaultTrustsNotThisServer() {
    // The real source: the JDK's own trust store, which holds no test certificate.
    server.enqueue(answer("never read"));
    OkHttpClient client = client(DeferredTls::jdkDefault, null);

    assertThatThrownBy(() -> get(client, "/a")).isInstanceOf(SSLHandshakeException.class);
  }
}
