package dev.fxmatrix.cli;

import dev.fxmatrix.strategy.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fxmatrix worker}, hidden: what the {@code process} strategy starts. It takes its settings
 * and its work on stdin and answers on stdout (see {@code strategy.WorkerMessages}).
 */
@Command(name = "worker", hidden = true, description = "Internal: a worker process of --strategy process.")
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // The protocol is ASCII, whatever the platform's charset.
    BufferedReader fromParent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    Worker.serve(fromParent, spec.commandLine().getOut(), spec.commandLine().getErr());
    return 0;
  }
}
