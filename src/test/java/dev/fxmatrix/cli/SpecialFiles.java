package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * FIFOs, devices and read-only folders for the output tests, made so that they test the same
 * thing as root (which these tests run as on CI) and as a user. Root ignores file modes, and a
 * root process that replaced a device would replace the machine's own, so root gets its devices
 * made in the test's folder and its read-only folders from {@code chattr +i}.
 */
final class SpecialFiles {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;

  private SpecialFiles() {}

  static boolean root() {
    try {
      return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path fifo(Path path) throws IOException, InterruptedException {
    command("mkfifo", path.toString());
    return path;
  }

  /**
   * A character device of major 1 ({@code minor} 3: like /dev/null, 7: like /dev/full): as root a
   * new node in {@code folder}, as a user the real one under /dev, which a user cannot replace.
   */
  static Path device(Path folder, String name, int minor) throws IOException, InterruptedException {
    if (!root()) {
      return Path.of("/dev", name);
    }
    Path node = folder.resolve(name);
    int code = run("mknod", node.toString(), "c", "1", String.valueOf(minor));
    assumeTrue(code == 0, "root cannot make device nodes here (no mknod, or no CAP_MKNOD)");
    return node;
  }

  static boolean isCharacterDevice(Path path) throws IOException {
    return type(path) == S_IFCHR;
  }

  static boolean isFifo(Path path) throws IOException {
    return type(path) == S_IFIFO;
  }

  private static int type(Path path) throws IOException {
    return (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
  }

  /**
   * Whether {@link #makeReadOnly} can work on {@code folder}'s file system: for root it needs
   * {@code chattr}, a file system with the immutable flag (ext4, xfs, btrfs) and
   * CAP_LINUX_IMMUTABLE, which containers often lack.
   */
  static boolean canMakeReadOnly(Path folder) throws IOException, InterruptedException {
    if (!root()) {
      return true;
    }
    Path probe = Files.createTempDirectory(folder, "probe");
    try {
      if (run("chattr", "+i", probe.toString()) != 0) {
        return false;
      }
      run("chattr", "-i", probe.toString());
      return true;
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** Nothing can be created, renamed or deleted in {@code folder} until {@link #makeWritable}. */
  static void makeReadOnly(Path folder) throws IOException, InterruptedException {
    if (root()) {
      command("chattr", "+i", folder.toString());
    } else {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
  }

  static void makeWritable(Path folder) throws IOException, InterruptedException {
    if (root()) {
      run("chattr", "-i", folder.toString());
    } else {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** The process's umask, as a child shell inherits it. */
  static int umask() throws IOException, InterruptedException {
    Process shell = new ProcessBuilder("sh", "-c", "umask").redirectErrorStream(true).start();
    String out = new String(shell.getInputStream().readAllBytes()).trim();
    assertThat(shell.waitFor()).isZero();
    return Integer.parseInt(out, 8);
  }

  private static void command(String... command) throws IOException, InterruptedException {
    assertThat(run(command)).as(String.join(" ", command)).isZero();
  }

  /** The command's exit code; 127, as a shell says, if there is no such command. */
  private static int run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return 127;
    }
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    return process.waitFor();
  }
}
