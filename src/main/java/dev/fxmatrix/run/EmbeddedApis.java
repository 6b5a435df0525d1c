package dev.fxmatrix.run;

import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.demo.FxApiServer;
import dev.fxmatrix.demo.ServerOptions;
import java.io.IOException;
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

  /** Started for {@code chain} if {@code demo} asks for it; null otherwise (try-with-resources allows that). */
  public static EmbeddedApis startIfAsked(RunOptions.Demo demo, List<Endpoint> chain) throws IOException {
    if (demo == null) {
      return null;
    }
    List<FxApiServer> servers = new ArrayList<>();
    List<Endpoint> local = new ArrayList<>();
    try {
      for (Endpoint endpoint : chain) {
        FxApiServer server =
            FxApiServer.start(ServerOptions.defaults().withPort(0).withLatency(demo.latency(), demo.jitter()));
        servers.add(server);
        local.add(new Endpoint(endpoint.provider(), List.of(server.baseUri().toString())));
      }
    } catch (IOException | RuntimeException e) {
      servers.forEach(FxApiServer::close);
      throw e;
    }
    return new EmbeddedApis(List.copyOf(servers), List.copyOf(local));
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
