package dev.fxmatrix.exit;

import dev.fxmatrix.os.Libc;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.FutureTask;

/**
 * Ends the launcher's short runs at once: with libc's {@code _exit} after virtual threads did
 * socket I/O, else with {@code Runtime.halt}.
 *
 * <p>Why: on JDK 25 the JVM's exit waits up to 300 ms for threads that sit in native code, and
 * once virtual threads have done socket I/O (the {@code virtual} strategy, the embedded API of
 * {@code --demo}) the JDK's poller thread sits in {@code epoll_wait} for good: every such run
 * paid 0.3 s after its last line. And any {@code System.exit} first looks up a logger for the
 * exit, which costs a short run ~10 ms (see {@link #tryExit}). Skipping the JVM's shutdown is safe
 * here because the command is done (streams flushed by the caller, output files committed,
 * workers ended, our shutdown hook removed) and nothing else of ours runs at exit.
 *
 * <p>Only when the launcher asks for it ({@code -Dfxmatrix.fastExit=true}): a JVM that must write
 * something at exit (a class-data archive being recorded, a flight recording) must exit normally.
 * {@code _exit} goes through {@link Libc}: where the Foreign Function API is missing or refused,
 * the run halts instead.
 */
public final class FastExit {
  /** The linked {@code _exit}, once virtual threads do I/O; null until then. */
  private static FutureTask<MethodHandle> exit;

  private FastExit() {}

  /**
   * Says that virtual threads did (or will do) socket I/O in this JVM, so its exit would wait. Only
   * then is the native exit worth its cost: linking it takes ~25 ms, so that starts now, on a
   * daemon thread, while the run waits for the network.
   */
  public static synchronized void virtualThreadsDoIo() {
    if (exit != null || !Boolean.getBoolean("fxmatrix.fastExit") || Runtime.version().feature() < 22) {
      return;
    }
    exit = new FutureTask<>(() -> Libc.exitFunction().orElseThrow());
    Thread linker = new Thread(exit, "fxmatrix-exit-link");
    linker.setDaemon(true);
    linker.start();
  }

  /**
   * Ends the process with {@code code} if allowed; returns otherwise. Halts when {@code _exit} is
   * not linked: {@code System.exit} first asks for a {@code System.Logger} to log the exit (JDK 21+),
   * and finding the logging backend scans the class path with a ServiceLoader, which opens and
   * indexes the jar: ~10 ms of a short run, for a log line nobody asked for.
   */
  public static void tryExit(int code) {
    if (!Boolean.getBoolean("fxmatrix.fastExit")) {
      return;
    }
    FutureTask<MethodHandle> linked;
    synchronized (FastExit.class) {
      linked = exit;
    }
    if (linked != null) {
      try {
        linked.get().invoke(code);
      } catch (Throwable e) {
        // Not available here (another libc, native access refused): halt instead.
      }
    }
    Runtime.getRuntime().halt(code);
  }
}
