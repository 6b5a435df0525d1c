package dev.fxmatrix.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where the matrix goes: stdout, or what {@code -o} names. That is written only on {@link
 * #commit}, so a failed or interrupted run writes nothing there: a regular file (or a new one) is
 * replaced atomically, through a rename, keeping its permissions; a symlink's target is replaced,
 * not the link; a device or FIFO is written to directly, with no temporary file and no rename.
 */
public sealed interface OutputTarget permits OutputTarget.Stdout, AtomicFile, DirectFile {
  PrintWriter writer();

  /** Makes the output final: flushes stdout, or writes the file. */
  void commit() throws IOException;

  /** Throws the output away; stdout's cannot be taken back. Idempotent, and a no-op after {@link #commit}. */
  void discard();

  static OutputTarget stdout(PrintWriter out) {
    return new Stdout(out);
  }

  /**
   * Opens what {@code path} names, following its symlinks. A device or FIFO is opened now (a FIFO
   * waits here for its reader, as with a shell's {@code >}); a file is only touched by {@link #commit}.
   *
   * @throws IOException with a message fit to show, naming the file and the reason
   */
  static OutputTarget file(Path path) throws IOException {
    Destination destination;
    try {
      destination = Destination.of(path);
    } catch (IOException e) {
      throw new IOException("cannot write " + path + ": " + IoErrors.reason(e), e);
    }
    return switch (destination) {
      case Destination.Replaced replaced -> new AtomicFile(path, replaced.file());
      case Destination.Direct direct -> DirectFile.open(path, direct.file());
      case Destination.Folder folder -> throw new IOException("cannot write " + path + ": it is a folder");
    };
  }

  /**
   * Checks the text of {@code -o} before anything is fetched: null for {@code -}, which means
   * stdout as it does for other Unix tools, else the path to give {@link #file}. Refused: an empty
   * name, a trailing slash, a name over 255 bytes, a folder, a folder that is missing or where no
   * file can be created, a device that cannot be written.
   *
   * @throws IllegalArgumentException with a one-line message naming the value and the reason
   */
  static Path check(String text) {
    return Destination.check(text);
  }

  record Stdout(PrintWriter writer) implements OutputTarget {
    @Override
    public void commit() {
      writer.flush();
    }

    @Override
    public void discard() {
      writer.flush(); // what reached stdout cannot be taken back
    }
  }
}
