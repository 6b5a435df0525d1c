package dev.fxmatrix.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.Cache;

/**
 * The HTTP cache on disk (OkHttp's own {@link Cache}) in {@code <dir>/http}, for one run at a time.
 *
 * <p>OkHttp's cache must not be shared by two processes at once, and cron jobs overlap: so a run
 * holds an exclusive lock on {@code <dir>/http/.lock} while it uses the cache, and a run that cannot
 * get it within {@code lockWait} goes without the cache (and says so) rather than corrupt it. The
 * folders are made readable by the user alone.
 */
public final class HttpCache implements AutoCloseable {
  /** What OkHttp may keep: answers are a few KiB each, the ECB's full history a few MiB. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Cache cache;
  private final FileChannel lockFile;
  private final FileLock lock;
  private boolean closed; // guarded by this

  private HttpCache(Cache cache, FileChannel lockFile, FileLock lock) {
    this.cache = cache;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /** Where OkHttp's files go under the cache folder {@code dir}, beside the launcher's archives. */
  public static Path httpDir(Path dir) {
    return dir.resolve("http");
  }

  /**
   * The cache in {@code dir}, locked for this run; empty when it cannot be used (another run holds
   * it past {@code lockWait}, or the folder cannot be made), which {@code note} hears of.
   */
  public static Optional<HttpCache> open(Path dir, Duration lockWait, Consumer<String> note) throws InterruptedException {
    OkHttpLogging.silence(); // OkHttp's cache logs what it cannot read
    Path http = httpDir(dir);
    FileChannel channel = null;
    try {
      makePrivateDirectories(http);
      channel = FileChannel.open(http.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + lockWait.toNanos();
      FileLock lock;
      while ((lock = tryLock(channel)) == null) {
        if (System.nanoTime() > deadline) {
          note.accept("the cache in " + dir + " is in use by another run; going without it");
          channel.close();
          return Optional.empty();
        }
        Thread.sleep(50);
      }
      HttpCache opened = new HttpCache(new Cache(http.toFile(), MAX_BYTES), channel, lock);
      Thread.ofPlatform().daemon().name("cache-dates").start(opened::readyForDates);
      return Optional.of(opened);
    } catch (IOException e) {
      note.accept("cannot use the cache in " + dir + ": " + e.getMessage() + "; going without it");
      closeQuietly(channel);
      return Optional.empty();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      return null; // another run in this JVM (tests, bench) holds it: wait like any other
    }
  }

  /** Creates {@code dir} and its missing parents as rwx for the user only (where the file system has POSIX modes). */
  static void makePrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      makePrivateDirectories(parent);
    }
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      // made by another run meanwhile: fine
    }
  }

  public Cache cache() {
    return cache;
  }

  /**
   * Reads the cache's index and, if it holds answers, readies what OkHttp reads their dates with
   * (a {@code SimpleDateFormat} for {@code Locale.US}): its first making costs a cold JVM ~45 ms
   * of locale data (the JDK makes a {@code Locale} of each of its 1,158 locales' tags), and each
   * thread that makes one before the first is done pays it again. Made once, on a thread of its
   * own, beside the client's set-up, so that it is usually done before the first answers are
   * looked up. Requests do not wait for it: one that finds no answer in the cache needs no dates
   * (waiting held such runs back ~10%). An empty cache (a first run) skips it.
   */
  private void readyForDates() {
    try {
      synchronized (this) {
        if (closed || cache.size() == 0) {
          return;
        }
      }
      new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    } catch (IOException | RuntimeException e) {
      // the run meets it too, and says what matters
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true; // before the lock goes: OkHttp's cache would write its index unlocked
    }
    closeQuietly(cache);
    try {
      lock.release();
    } catch (IOException e) {
      // the lock goes with the channel anyway
    }
    closeQuietly(lockFile);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing to save
    }
  }
}
