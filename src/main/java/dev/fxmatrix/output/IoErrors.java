package dev.fxmatrix.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What went wrong in an I/O error, in the system's words, for a one-line message. */
public final class IoErrors {
  private IoErrors() {}

  /**
   * The reason alone, like {@code No space left on device}. NIO's exceptions carry the file
   * names in their message and leave the reason out for the commonest errors, so it is named here.
   */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return switch (e) {
      case AccessDeniedException x -> "Permission denied";
      case NoSuchFileException x -> "No such file or directory";
      case FileAlreadyExistsException x -> "File exists";
      case DirectoryNotEmptyException x -> "Directory not empty";
      case NotDirectoryException x -> "Not a directory";
      default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    };
  }

  /**
   * Whether the reader of a pipe has gone (EPIPE). Java ignores SIGPIPE, so that arrives as an
   * IOException worded by strerror; a JDK under a translated C locale may word it otherwise.
   */
  public static boolean isBrokenPipe(IOException e) {
    return "Broken pipe".equals(e.getMessage());
  }
}
