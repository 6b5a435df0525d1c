package dev.fxmatrix.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A regular file, replaced atomically. The matrix stays in memory while the run lasts (it is a
 * few kilobytes); {@link #commit} writes it to a new temporary file beside the file and renames
 * that over it. So a failed, interrupted or killed run leaves the previous file as it was, and a
 * temporary file exists only for the instant of a commit, which removes it if anything fails.
 */
final class AtomicFile implements OutputTarget {
  private final Path named; // as the user gave it, for messages
  private final Path file; // where its links end: the rename must happen in that folder
  private final ByteArrayOutputStream matrix = new ByteArrayOutputStream();
  private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(matrix, StandardCharsets.UTF_8));
  private boolean finished;

  AtomicFile(Path named, Path file) {
    this.named = named;
    this.file = file;
  }

  @Override
  public PrintWriter writer() {
    return writer;
  }

  /** Synchronized with {@link #discard}, which Ctrl-C's hook calls: it waits for a commit under way. */
  @Override
  public synchronized void commit() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    writer.flush();
    Path folder = file.getParent();
    // Short and fixed in length, so that it fits wherever the file's own name fits (NAME_MAX).
    Path temp = folder.resolve(".fxmatrix-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
    FileChannel channel;
    try {
      channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE); // 0666 less the umask
    } catch (IOException e) {
      throw new IOException("cannot write " + named + ": cannot create a temporary file in " + folder + ": " + IoErrors.reason(e), e);
    }
    try {
      try (channel) {
        ByteBuffer bytes = ByteBuffer.wrap(matrix.toByteArray());
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        keepOwnerAndPermissions(temp);
        channel.force(true); // else a crash soon after the rename may leave an empty file
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      String left = "";
      try {
        Files.deleteIfExists(temp);
      } catch (IOException stuck) {
        left = "; the temporary file " + temp + " could not be removed: " + IoErrors.reason(stuck);
      }
      throw new IOException("cannot write " + named + ": " + IoErrors.reason(e) + left, e);
    }
  }

  /**
   * Gives the temporary file the replaced file's permissions and, where allowed, its owner and
   * group: root may set both, a user only a group it belongs to (so a user's rename cannot keep
   * another user's ownership). A new file keeps what creation gave it, 0666 less the umask.
   * Best effort: a file system that refuses modes (vfat) has none worth keeping.
   */
  private void keepOwnerAndPermissions(Path temp) throws IOException {
    PosixFileAttributes old;
    try {
      old = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    try {
      view.setOwner(old.owner());
    } catch (IOException e) {
      // only root may give a file away
    }
    try {
      view.setGroup(old.group());
    } catch (IOException e) {
      // only root, or a member of the group
    }
    try {
      view.setPermissions(old.permissions()); // after chown, which may clear them
    } catch (IOException e) {
      // see above
    }
  }

  /** Nothing is on disk before a commit: the matrix is dropped with this object. */
  @Override
  public synchronized void discard() {
    finished = true;
  }
}
