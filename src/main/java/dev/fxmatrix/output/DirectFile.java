package dev.fxmatrix.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A device, FIFO or terminal, written to directly, as a shell's {@code >} would: a rename would
 * replace the device itself. It is opened at once (a FIFO waits for its reader there, before
 * anything is fetched) and always closed, so a reader sees the end even of a failed run. The
 * matrix is held back until {@link #commit}, so that {@code -o} means the same for every kind of
 * file: a failed run writes nothing, unless {@code --allow-partial}.
 */
final class DirectFile implements OutputTarget {
  private final Path named;
  private final OutputStream out;
  private final ByteArrayOutputStream matrix = new ByteArrayOutputStream();
  private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(matrix, StandardCharsets.UTF_8));

  private DirectFile(Path named, OutputStream out) {
    this.named = named;
    this.out = out;
  }

  static DirectFile open(Path named, Path file) throws IOException {
    try {
      return new DirectFile(named, Files.newOutputStream(file, StandardOpenOption.WRITE)); // neither created nor truncated
    } catch (IOException e) {
      throw new IOException("cannot write " + named + ": " + IoErrors.reason(e), e);
    }
  }

  @Override
  public PrintWriter writer() {
    return writer;
  }

  @Override
  public void commit() throws IOException {
    writer.flush();
    try (out) {
      matrix.writeTo(out);
    } catch (IOException e) {
      if (!IoErrors.isBrokenPipe(e)) { // a FIFO's reader that left did so by choice, as with stdout
        throw new IOException("cannot write " + named + ": " + IoErrors.reason(e), e);
      }
    }
  }

  @Override
  public void discard() {
    try {
      out.close();
    } catch (IOException e) {
      // Nothing was written, and closing is all that is left to do.
    }
  }
}
