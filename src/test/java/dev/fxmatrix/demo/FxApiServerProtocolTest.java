package dev.fxmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.LocalHttp;
import dev.fxmatrix.testing.LocalHttp.Answer;
import dev.fxmatrix.testing.RequestLogLines;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests that are not quite HTTP, or too large: every one answered in JSON, and logged safely. */
class FxApiServerProtocolTest {
  private static final RequestLogLines LOG = new RequestLogLines();
  private static FxApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FxApiServer.start(ServerOptions.defaults().withRequestLog(LOG));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aMalformedPercentEscapeIsAJson400() {
    String answer = raw("GET /v1/latest?base=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 400 Bad Request\r\n")
        .contains("Content-Type: application/json\r\n", "Cache-Control: no-store\r\n")
        .endsWith("{\"status\":400,\"message\":\"malformed %-encoding in the request target; give % and two hex digits\"}");
  }

  @Test
  void aMegabyteQueryIsA414AndTwoMegabytesOfHeaderA431() {
    Answer longQuery = LocalHttp.send(request("/latest?symbols=" + "USD,".repeat(256 * 1024)));
    Answer bigHeader = LocalHttp.send(request("/latest").header("X-Padding", "x".repeat(2 * 1024 * 1024)));

    assertThat(longQuery.status()).isEqualTo(414);
    assertThat(longQuery.json().get("message").asText()).isEqualTo("request line too long; at most 8192 bytes");
    assertThat(bigHeader.status()).isEqualTo(431);
    assertThat(bigHeader.header("Content-Type")).isEqualTo("application/json");
    assertThat(bigHeader.json().get("status").asInt()).isEqualTo(431);
  }

  @Test
  void requestLinesThatAreNotHttpAreJson400s() {
    assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400 ").contains("\"message\":\"not an HTTP/1.1 request line\"");
    assertThat(raw("GET latest HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 ").contains("must start with /");
  }

  @Test
  void keepsTheConnectionForTheNextRequestAndClosesWhenAsked() {
    List<String> answers =
        LocalHttp.raw(
            server.port(),
            ("GET /v1/latest?symbols=USD HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /v1/latest?symbols=GBP HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII),
            3);

    assertThat(answers).hasSize(2);
    assertThat(answers.get(0)).contains("\"USD\":1.1684").doesNotContain("Connection: close");
    assertThat(answers.get(1)).contains("\"GBP\":0.87058", "Connection: close\r\n");
  }

  @Test
  void theLogEscapesNonAsciiAndCapsLongTargets() throws InterruptedException {
    raw("GET /v1/latest?base=\u00e9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    LocalHttp.send(request("/latest?long=" + "y".repeat(5000)));

    assertThat(LOG.await("xc3")).contains("GET /v1/latest?base=\\xc3\\xa9 404 ");
    String capped = LOG.await("long=");
    assertThat(capped).contains("...(5016 bytes) 200 "); // "/v1/latest?long=" and 5000 more
    assertThat(capped.length()).isLessThan(300);
  }

  @Test
  void listensOnEveryInterfaceWhenAskedAndSaysSo() throws Exception {
    try (FxApiServer everywhere = FxApiServer.start(ServerOptions.defaults().withHost("0.0.0.0"))) {
      assertThat(everywhere.address().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(everywhere.baseUri().getHost()).isEqualTo("127.0.0.1"); // how to reach it from here
      assertThat(LocalHttp.get(everywhere, "/latest").status()).isEqualTo(200);
    }
  }

  private static String raw(String request) {
    List<String> answers = LocalHttp.raw(server.port(), request.getBytes(StandardCharsets.UTF_8), 1);
    assertThat(answers).hasSize(1);
    return answers.get(0);
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUri() + path));
  }

}
