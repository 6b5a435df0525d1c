package dev.fxmatrix.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.fxmatrix.demo.FxApiServer;

/** A plain HTTP/1.1 client for the tests; talks only to the local test server. */
public final class LocalHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** One answer, with how long it took as the client saw it. */
  public record Answer(HttpResponse<String> response, Duration elapsed) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private LocalHttp() {}

  public static Answer get(FxApiServer server, String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery)).GET());
  }

  public static Answer send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
