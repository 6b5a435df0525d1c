package dev.fxmatrix.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What an output path names once its symlinks are followed, which decides how it is written. */
sealed interface Destination {
  /** A regular file, or none yet: {@code file}, where the links end, is replaced by a rename. */
  record Replaced(Path file) implements Destination {}

  /** A device, FIFO or terminal: written to directly, as a shell's {@code >} would. */
  record Direct(Path file) implements Destination {}

  /** A folder: not an output. */
  record Folder(Path folder) implements Destination {}

  /** Linux's NAME_MAX, the most bytes a file name may have on its usual file systems. */
  int NAME_MAX = 255;

  /** Linux's own limit on the links in a path. */
  int MAX_LINKS = 40;

  static Destination of(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(absolute, BasicFileAttributes.class); // through the links
    } catch (NoSuchFileException e) {
      return new Replaced(endOfLinks(absolute));
    }
    if (attributes.isDirectory()) {
      return new Folder(absolute);
    }
    if (attributes.isRegularFile()) {
      return new Replaced(absolute.toRealPath());
    }
    // Opened through its links, as open(2) follows them: /dev/stdout is /proc/self/fd/1, a link
    // to a pipe or a terminal that has no path of its own to resolve to.
    return new Direct(absolute);
  }

  /** Where a chain of links that ends nowhere points: the file to create (or {@code path} itself). */
  private static Path endOfLinks(Path path) throws IOException {
    Path current = path;
    for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
      current = current.resolveSibling(Files.readSymbolicLink(current));
    }
    return current;
  }

  /** See {@link OutputTarget#check}. */
  static Path check(String text) {
    if (text.equals("-")) {
      return null;
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the file name is empty: give one, or - for stdout");
    }
    String named = "'" + text + "'";
    if (text.endsWith("/")) {
      throw new IllegalArgumentException(named + " ends with a slash: give a file name, not a folder");
    }
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(named + " is not a path: " + e.getReason());
    }
    int bytes = path.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > NAME_MAX) {
      throw new IllegalArgumentException(
          named + ": its name is " + bytes + " bytes long; a file name has at most " + NAME_MAX);
    }
    try {
      switch (of(path)) {
        case Folder folder -> throw new IllegalArgumentException(named + " is a folder: give a file name");
        case Direct direct -> checkWritable(named, direct.file());
        case Replaced replaced -> {
          Path folder = replaced.file().getParent();
          if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                named + (Files.exists(folder) ? ": " + folder + " is not a folder" : ": folder " + folder + " does not exist"));
          }
          checkWritable(named + ": cannot create files in " + folder, folder);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(named + ": " + IoErrors.reason(e));
    }
    return path;
  }

  /** access(2), whose answer names the reason (permission, read-only file system, immutable). */
  private static void checkWritable(String what, Path path) {
    try {
      path.getFileSystem().provider().checkAccess(path, AccessMode.WRITE);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": " + IoErrors.reason(e));
    }
  }
}
