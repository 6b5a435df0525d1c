package dev.fxmatrix.cli;

import dev.fxmatrix.api.ApiException;
import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.FrankfurterV1;
import dev.fxmatrix.api.Provider;
import dev.fxmatrix.api.Providers;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.HttpClients;
import dev.fxmatrix.fetch.Throttle;
import dev.fxmatrix.run.EmbeddedApis;
import dev.fxmatrix.run.ExitCode;
import dev.fxmatrix.run.RunOptions;
import dev.fxmatrix.run.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fxmatrix currencies}: the codes and names a provider carries, so a user can see why a code is refused. */
@Command(
    name = "currencies",
    description = CurrenciesCommand.SUMMARY,
    footerHeading = "%nExit codes:%n",
    footer = {"  0    listed", "  1    the provider did not answer with its list", "  2    bad usage"})
final class CurrenciesCommand implements Callable<Integer> {
  /** The first line of its help, which fxmatrix --help lists too. */
  static final String SUMMARY =
      "List the currencies a provider carries (from its own list, or the keys of one answer): code and name, one a line.";

  @Spec CommandSpec spec;

  @Option(names = "--provider", paramLabel = "NAME", defaultValue = "${env:FXMATRIX_PROVIDER:-" + FrankfurterV1.NAME + "}",
      converter = Converters.ProvidersConverter.class,
      description = "The provider to ask (env FXMATRIX_PROVIDER, its first; default: ${DEFAULT-VALUE}).")
  List<String> provider;

  @Option(names = "--api-url", paramLabel = "URL", defaultValue = "${env:FXMATRIX_API_URL}", converter = Converters.ApiUrlConverter.class,
      description = "Where the provider is reached (default: its own).")
  Converters.ApiUrl apiUrl;

  @Option(names = "--demo", description = "Ask the embedded API, which serves the bundled ECB history.")
  boolean demo;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = Converters.PositiveDuration.class,
      description = "Bound of the request (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() throws IOException {
    String name = provider.getFirst();
    if (demo && spec.commandLine().getParseResult().hasMatchedOption("--api-url")) {
      throw UsageError.of(spec, "--api-url", "cannot go with --demo: use one API or the other");
    }
    if (apiUrl != null && apiUrl.provider() != null && !apiUrl.provider().equals(name)) {
      throw UsageError.of(spec, "--api-url", "'" + apiUrl + "' is for " + apiUrl.provider() + ", not " + name);
    }
    String problem = apiUrl == null ? null : Providers.checkUrl(name, apiUrl.url());
    if (problem != null) {
      throw UsageError.of(spec, "--api-url", "'" + apiUrl + "': " + problem);
    }
    Endpoint endpoint = new Endpoint(name, apiUrl == null ? List.of() : List.of(apiUrl.url()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (EmbeddedApis embedded = EmbeddedApis.startIfAsked(demo ? new RunOptions.Demo(Duration.ZERO, Duration.ZERO) : null, List.of(endpoint))) {
      Endpoint asked = embedded == null ? endpoint : embedded.chain().getFirst();
      FetchOptions options =
          new FetchOptions(List.of(asked), "fxmatrix/" + Version.get(), null, timeout, 0, Throttle.Options.UNLIMITED,
              FetchOptions.Caching.OFF, null);
      Provider source = Providers.create(asked, options.userAgent());
      OkHttpClient client = HttpClients.create(options, 1);
      try (Response response = client.newCall(source.currenciesRequest()).execute()) {
        if (!response.isSuccessful()) {
          err.println("fxmatrix currencies: " + name + ": " + source.explain(response.code(), response.body().bytes(), "EUR", List.of(), null));
          return ExitCode.FAILED;
        }
        SortedMap<String, String> names = source.readCurrencies(response.body().bytes());
        for (Map.Entry<String, String> currency : names.entrySet()) {
          out.println(currency.getKey() + "  " + currency.getValue());
        }
        err.println(names.size() + " currencies from " + name + " (" + source.url() + ")");
        return ExitCode.OK;
      } catch (ApiException e) {
        err.println("fxmatrix currencies: " + name + ": " + e.getMessage());
        return ExitCode.FAILED;
      } catch (IOException e) {
        err.println("fxmatrix currencies: " + name + ": cannot reach " + source.url() + ": " + e.getMessage());
        return ExitCode.FAILED;
      } finally {
        HttpClients.shutdown(client);
      }
    }
  }
}
