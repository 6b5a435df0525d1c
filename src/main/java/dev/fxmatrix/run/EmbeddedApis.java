package dev.fxmatrix.run;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.demo.Dialect;
import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --demo}: the embedded API on free loopback ports, one server per provider of the chain,
 * each speaking that provider's dialect; the client still talks HTTP to them. Closing stops them
 * (their threads are not daemons).
 */
public final class EmbeddedApis implements AutoCloseable {
  private final List<FxApiServer> servers;
  private final List<Endpoint> chain;

  private EmbeddedApis(List<FxApiServer> servers, List<Endpoint> chain) {
    this.servers = servers;
    this.chain = chain;
  }

  /**
   * Started for {@code chain} if {@code demo} asks for it (one server per provider, in its dialect,
   * but none for those {@code demo.down()} names, whose URL then refuses connections); null otherwise
   * (try-with-resources allows that).
   */
  public static EmbeddedApis startIfAsked(RunOptions.Demo demo, List<Endpoint> chain) throws IOException {
    if (demo == null) {
      return null;
    }
    List<FxApiServer> servers = new ArrayList<>();
    List<Endpoint> local = new ArrayList<>();
    try {
      for (Endpoint endpoint : chain) {
        Dialect dialect = Dialect.byId(endpoint.provider()).orElseThrow();
        if (demo.down().contains(endpoint.provider())) {
          local.add(new Endpoint(endpoint.provider(), List.of(closedPort(dialect))));
          continue;
        }
        FxApiServer server =
            FxApiServer.start(
                ServerOptions.defaults().withPort(0).withLatency(demo.latency(), demo.jitter()).withDialect(dialect));
        servers.add(server);
        local.add(new Endpoint(endpoint.provider(), List.of(server.apiUrl())));
      }
    } catch (IOException | RuntimeException e) {
      servers.forEach(FxApiServer::close);
      throw e;
    }
    return new EmbeddedApis(List.copyOf(servers), List.copyOf(local));
  }

  /** A loopback URL of {@code dialect}'s shape where nothing listens: a provider that is down. */
  private static String closedPort(Dialect dialect) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + dialect.basePath();
    }
  }

  /** The chain, each provider pointed at its embedded server. */
  public List<Endpoint> chain() {
    return chain;
  }

  @Override
  public void close() {
    servers.forEach(FxApiServer::close);
  }
}
