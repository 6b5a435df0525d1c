package dev.fxmatrix.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * An output stream that remembers its first write error, for stdout: {@link java.io.PrintWriter}
 * swallows IOExceptions, so without this a full disk or a closed descriptor went unnoticed. After
 * an error every write fails at once, without trying the descriptor again.
 *
 * <p>A broken pipe (the reader left, as {@code | head -1} does) is not a failure: it is handed to
 * {@code onReaderLeft}, at the write that met it, so that a long run can stop there.
 */
public final class WatchedOutputStream extends OutputStream {
  private final OutputStream out;
  private final Runnable onReaderLeft;
  private volatile IOException error;

  public WatchedOutputStream(OutputStream out, Runnable onReaderLeft) {
    this.out = out;
    this.onReaderLeft = onReaderLeft;
  }

  /** The reason of the first write error, unless it was a reader leaving. */
  public Optional<String> failure() {
    IOException e = error;
    return e == null || IoErrors.isBrokenPipe(e) ? Optional.empty() : Optional.of(IoErrors.reason(e));
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    throwIfFailed();
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    throwIfFailed();
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void throwIfFailed() throws IOException {
    IOException earlier = error;
    if (earlier != null) {
      throw earlier;
    }
  }

  private IOException failed(IOException e) {
    error = e;
    if (IoErrors.isBrokenPipe(e)) {
      onReaderLeft.run();
    }
    return e;
  }
}
