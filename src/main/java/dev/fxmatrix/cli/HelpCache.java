package dev.fxmatrix.cli;

import dev.fxmatrix.output.OutputTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.CRC32;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The main command's {@code --help}, kept as a file beside the launcher's class-data archives.
 *
 * <p>Why: laying out the help is most of a cold {@code --help} (~60 ms of picocli's layout code,
 * run by the interpreter), and the text is a function of inputs known before it is laid out: the
 * jar (the archives' key, in the prefix the launcher gives as {@code -Dfxmatrix.helpCache}), the
 * width and colour picocli chose, the variables the help interpolates and the {@code picocli.}
 * properties. Those inputs name the file, so a change of any of them is a new file, and the
 * launcher deletes other keys' files with their archives.
 */
final class HelpCache {
  private final Path file;

  HelpCache(Path file) {
    this.file = file;
  }

  /** The {@code FXMATRIX_} variables the main help interpolates ({@code HelpCacheTest} checks the list). */
  static final List<String> VARIABLES = List.of("FXMATRIX_PROVIDER");

  /** The cache for this run's help, if the launcher asked for one. */
  static Optional<HelpCache> forThisRun() {
    String prefix = System.getProperty("fxmatrix.helpCache");
    if (prefix == null || prefix.isEmpty()) {
      return Optional.empty();
    }
    int width = new UsageMessageSpec().autoWidth(FxMatrixCommand.autoWidth()).width();
    return Optional.of(new HelpCache(Path.of(prefix + "-help-" + key(width, Ansi.AUTO.enabled(), System.getenv(), System.getProperties()))));
  }

  /** The file name's part that stands for the inputs: width, colour, and a digest of the rest. */
  static String key(int width, boolean ansi, Map<String, String> env, Properties properties) {
    StringBuilder inputs = new StringBuilder();
    for (String name : VARIABLES) {
      inputs.append(name).append('=').append(env.get(name)).append('\n');
    }
    // Those a user may give (JAVA_OPTS=-Dpicocli.ansi=false), sorted so that their order does not count.
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      if (name.startsWith("picocli.")) {
        inputs.append(name).append('=').append(properties.getProperty(name)).append('\n');
      }
    }
    String all = inputs.toString();
    CRC32 crc = new CRC32();
    crc.update(all.getBytes(StandardCharsets.UTF_8));
    // Two independent 32-bit digests: a collision would print help for other defaults.
    return width + (ansi ? "-ansi-" : "-plain-") + Long.toHexString(crc.getValue()) + Integer.toHexString(all.hashCode()) + ".txt";
  }

  /** The kept text, if there is one. */
  Optional<String> text() {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code text} for the next run, replaced atomically as {@code -o} replaces a file (a
   * concurrent {@code --help} reads the old text or the new, never half); quietly not, where the
   * folder is not writable.
   */
  void keep(String text) {
    try {
      OutputTarget target = OutputTarget.file(file);
      target.writer().print(text);
      target.commit();
    } catch (IOException e) {
      // not kept: the next --help lays it out again
    }
  }
}
