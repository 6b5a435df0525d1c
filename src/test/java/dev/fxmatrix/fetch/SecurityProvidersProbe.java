package dev.fxmatrix.fetch;

import dev.fxmatrix.testing.Fetching;
import java.security.Security;
import okhttp3.HttpUrl;

/**
 * Run in a JVM of its own by {@link PlainHttpProvidersTest}: as fxmatrix's {@code main} does, says
 * the process is fxmatrix's, makes a client for the URL given, and prints how many security
 * providers the JVM then has.
 */
public final class SecurityProvidersProbe {
  private SecurityProvidersProbe() {}

  public static void main(String[] args) {
    HttpClients.ownProcess();
    HttpClients.shutdown(HttpClients.create(Fetching.options(HttpUrl.get(args[0])), 1));
    System.out.println(Security.getProviders().length);
  }
}
