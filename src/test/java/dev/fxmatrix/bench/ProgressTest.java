package dev.fxmatrix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.strategy.Strategy;
import dev.fxmatrix.testing.FakeFrankfurter;
import dev.fxmatrix.testing.Fetching;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The progress line exists at a terminal and nowhere else; the decision is the caller's to inject. */
class ProgressTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void atATerminalEachLineOverwritesTheLastAndIsBlankedAtTheEnd() {
    StringWriter err = new StringWriter();
    Progress progress = new Progress(new PrintWriter(err), true);
    progress.show("pool, run 1 of 5");
    progress.show("pool, run 2");
    progress.clear();
    assertThat(err.toString())
        .isEqualTo("\rpool, run 1 of 5" + "\rpool, run 2     " + "\r" + " ".repeat(11) + "\r");
  }

  @Test
  void elsewhereItWritesNothing() {
    StringWriter err = new StringWriter();
    Progress progress = new Progress(new PrintWriter(err), false);
    progress.show("pool, run 1 of 5");
    progress.clear();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theBenchShowsProgressOnlyWhenToldStderrIsATerminal() {
    server.setDispatcher(FakeFrankfurter.seed().delay(5));
    assertThat(benchStderr(true)).contains("\rfxmatrix bench: pool (1/2), run 1 of 2").contains("async (2/2), run 2 of 2").endsWith("\r");
    assertThat(benchStderr(false)).isEmpty();
  }

  private String benchStderr(boolean interactive) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    BenchOptions options =
        new BenchOptions(
            List.of(Strategy.POOL, Strategy.ASYNC), 2, 0, 2, Fetching.options(server.url("/v1")),
            List.of("USD", "EUR", "PLN"), List.of("USD", "EUR", "PLN"),
            new ApiTarget.Remote(Fetching.options(server.url("/v1")).chain()), false, BenchFormat.CSV, 80);
    int code = new Bench(new PrintWriter(out), new PrintWriter(err), interactive).run(options);
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("strategy,");
    return err.toString();
  }
}
