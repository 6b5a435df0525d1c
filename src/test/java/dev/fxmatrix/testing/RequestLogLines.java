package dev.fxmatrix.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The embedded API's request log as a test reads it: each line kept, to wait for one. */
public final class RequestLogLines implements Consumer<String> {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void accept(String line) {
    lines.add(line);
  }

  /**
   * The first line containing {@code part}, waiting up to 2 s: a line is written after its answer
   * is sent, so it may trail the client by a moment.
   */
  public String await(String part) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      for (String line : lines) {
        if (line.contains(part)) {
          return line;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no log line with '" + part + "' in " + lines);
  }
}
