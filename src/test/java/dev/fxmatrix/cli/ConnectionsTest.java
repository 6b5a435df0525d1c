package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that misbehave at the connection level, played by plain sockets: what fails at once, and
 * what is reconnected without spending an attempt.
 */
class ConnectionsTest {
  ServerSocket listening;
  Thread serving;
  final AtomicInteger connections = new AtomicInteger();

  /** Accepts connections and hands each to {@code handler}, one at a time. */
  String serve(SocketHandler handler) throws IOException {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serving =
        Thread.ofPlatform().daemon().start(() -> {
          while (!listening.isClosed()) {
            try (Socket socket = listening.accept()) {
              connections.incrementAndGet();
              handler.handle(socket);
            } catch (IOException e) {
              // the test is over, or the client left
            }
          }
        });
    return "127.0.0.1:" + listening.getLocalPort();
  }

  @AfterEach
  void stop() throws IOException {
    if (listening != null) {
      listening.close();
    }
  }

  interface SocketHandler {
    void handle(Socket socket) throws IOException;
  }

  @Test
  void httpsAtAServerThatNeverSpeaksTlsFailsAfterOneTimeoutNotFour() throws IOException {
    String host = serve(socket -> socket.getInputStream().readAllBytes()); // reads, never answers

    long start = System.nanoTime();
    Cli run = Cli.run("--api-url", "https://" + host + "/v1", "-b", "USD", "--symbols", "EUR", "-q", "--no-cache", "--timeout", "1s");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("fxmatrix: USD: no TLS answer within 1s: does the server speak https? (is the URL http://?) (1 attempt)\n");
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms: one timeout, not one per retry").isLessThan(3_500);
  }

  @Test
  void httpsAtAServerAnsweringInPlainTextFailsAtOnce() throws IOException {
    String host = serve(socket -> {
      socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    });

    Cli run = Cli.run("--api-url", "https://" + host + "/v1", "-b", "USD", "--symbols", "EUR", "-q", "--no-cache");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("fxmatrix: USD: TLS handshake failed: the server answered in plain text (is the URL http://, not https://?) (1 attempt)\n");
    assertThat(connections.get()).isEqualTo(1);
  }

  @Test
  void aKeptAliveConnectionTheServerClosedIsReconnectedWithoutSpendingAnAttempt() throws IOException {
    // Answers one request per connection as if keeping it alive, then closes it: the client's next
    // request on that connection meets a closed socket.
    String host = serve(socket -> {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String requestLine = in.readLine();
      for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
        // the headers are not needed
      }
      String base = requestLine.contains("base=USD") ? "USD" : "EUR";
      String body = "{\"amount\":1.0,\"base\":\"" + base + "\",\"date\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
          + "\",\"rates\":" + (base.equals("USD") ? "{\"EUR\":0.85587}" : "{\"USD\":1.1684}") + "}";
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    });

    Cli run = Cli.run("--api-url", "http://" + host + "/v1", "-s", "sequential", "-b", "USD,EUR", "-q", "--no-cache", "--retries", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(2);
  }
}
