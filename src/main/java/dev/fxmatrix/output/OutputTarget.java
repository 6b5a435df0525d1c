package dev.fxmatrix.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the matrix goes: stdout, or a file written atomically. A file target writes to a temporary
 * file beside the destination and renames it over the destination only on {@link #commit}, so a
 * failed or interrupted run leaves the previous file exactly as it was.
 */
public sealed interface OutputTarget {
  PrintWriter writer();

  /** Makes the output final: flushes stdout, or moves the temporary file into place. */
  void commit() throws IOException;

  /** Throws the output away: nothing for stdout, deletes the temporary file. Idempotent. */
  void discard();

  static OutputTarget stdout(PrintWriter out) {
    return new Stdout(out);
  }

  /** Opens a temporary file in {@code destination}'s folder (same file system, so the move is atomic). */
  static OutputTarget file(Path destination) throws IOException {
    Path absolute = destination.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
    return new AtomicFile(absolute, temp, new PrintWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8)));
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

  record AtomicFile(Path destination, Path temp, PrintWriter writer) implements OutputTarget {
    @Override
    public void commit() throws IOException {
      writer.close();
      if (writer.checkError()) {
        discard();
        throw new IOException("could not write " + temp);
      }
      try {
        Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    @Override
    public void discard() {
      writer.close();
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Best effort: a stray hidden temporary file is harmless, the destination is untouched.
      }
    }
  }
}
