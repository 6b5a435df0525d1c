package dev.fxmatrix.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code fxmatrix} launcher script, copied into a throw-away checkout layout with a
 * small jar of its own ({@link TinyMain}, called by a class of fxmatrix's main class name) as
 * {@code target/fxmatrix.jar}, and called through a symlink from another directory. It checks that
 * the class-data archive is created, used, and replaced when the jar changes, and that nothing but
 * the program's output reaches stdout and nothing at all reaches stderr.
 *
 * <p>No Maven build is involved: the layout has no pom.xml or src/main, so the launcher never
 * builds, and {@code target/fxmatrix.jar} of the project is not needed (tests run before packaging).
 */
class LauncherArchiveTest {
  private static final Path LAUNCHER = Path.of("fxmatrix").toAbsolutePath();
  private static final String TINY_CLASS = "dev/fxmatrix/launcher/TinyMain.class";
  /** The launcher runs fxmatrix's main class by name: in the small jar, one that calls TinyMain. */
  private static final String ENTRY_CLASS = "dev/fxmatrix/cli/Main.class";
  private static final String ENTRY_SOURCE =
      "package dev.fxmatrix.cli; public final class Main { public static void main(String[] args) {"
          + " dev.fxmatrix.launcher.TinyMain.main(args); } }";
  private static Path entryClasses;
  private static final int FEATURE = Runtime.version().feature();

  /** Arguments that a careless launcher would split, glob, expand or take as JVM options. */
  private static final List<String> ARGS = List.of("a b", "", "*", "$HOME", "--version", "-Dx=y");

  private static final String EXPECTED_OUT =
      "tiny [a b] [] [*] [$HOME] [--version] [-Dx=y]" + System.lineSeparator();

  /** Archive files: fxmatrix-j{feature}-{key}-{kind}.aot | .jsa; ARGS make a run of kind run. */
  private static final Pattern ARCHIVE_NAME = Pattern.compile("fxmatrix-j(\\d+)-(\\d+)-run\\.(aot|jsa)");

  /** The launcher's last key, kept so that a run need not stat and cksum (two forks). */
  private static final String KEY_MEMO = ".fxmatrix-key";

  private static final String FROM_AOT_CACHE = "shared objects file";
  private static final String FROM_DYNAMIC_ARCHIVE = "shared objects file (top)";

  @TempDir Path tmp;
  private Path jar;
  private Path cacheDir;
  private Path link;
  private Path elsewhere;
  private Path classLog;
  private long jarTime;

  @BeforeAll
  static void needsBash() {
    assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the launcher is a bash script");
    assumeTrue(onPath("bash") && Files.isExecutable(Path.of("/usr/bin/env")), "bash is not installed");
    assertThat(LAUNCHER).isRegularFile().isExecutable();
  }

  @BeforeAll
  static void compileEntryClass(@TempDir Path classes) throws IOException {
    Path source = Files.createDirectories(classes.resolve("src/dev/fxmatrix/cli")).resolve("Main.java");
    Files.writeString(source, ENTRY_SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    String tinyClasses = Path.of(TinyMain.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    int status = javac.run(null, null, null, "-cp", tinyClasses, "-d", classes.toString(), source.toString());
    assertThat(status).as("javac of the entry class").isZero();
    entryClasses = classes;
  }

  @BeforeEach
  void layOutCheckout() throws IOException {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Path script = checkout.resolve("fxmatrix");
    Files.copy(LAUNCHER, script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar = Files.createDirectories(checkout.resolve("target")).resolve("fxmatrix.jar");
    cacheDir = checkout.resolve("target/cds");
    jarTime = System.currentTimeMillis() / 1000 * 1000 - 3_600_000;
    writeJar(0);

    link = Files.createDirectories(tmp.resolve("bin")).resolve("fx");
    Files.createSymbolicLink(link, Path.of("../checkout/fxmatrix"));
    elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    classLog = tmp.resolve("class-load.log");
  }

  @Test
  void aotCacheIsTrainedOnTheFirstRunThenReusedAndFollowsTheJar() throws Exception {
    assumeTrue(FEATURE >= 24, "AOT caches need JDK 24+; this JVM is " + FEATURE);
    assertArchiveLifecycle(Map.of(), "aot", FROM_AOT_CACHE);
  }

  @Test
  void appCdsArchiveIsTrainedOnTheFirstRunThenReusedAndFollowsTheJar() throws Exception {
    // The JDK 21-23 path; forced here so that it is tested on any JDK.
    assertArchiveLifecycle(Map.of("FXMATRIX_CDS", "appcds"), "jsa", FROM_DYNAMIC_ARCHIVE);
  }

  /**
   * The first run on a key trains and uses the archive at once; later runs reuse it untouched; a
   * touched or rebuilt jar gets a new key, and the old archive goes.
   */
  private void assertArchiveLifecycle(Map<String, String> env, String extension, String source)
      throws Exception {
    String first = trainedOnFirstRun(env, extension, source, null);
    FileTime made = Files.getLastModifiedTime(cacheDir.resolve(archive(first, extension)));
    assertCleanRun(launch(env));
    assertThat(cacheFiles()).containsExactly(archive(first, extension));
    assertThat(Files.getLastModifiedTime(cacheDir.resolve(archive(first, extension)))).isEqualTo(made);
    assertThat(loadedFrom()).isEqualTo(source);

    touchJar(); // same bytes, new mtime: the JVM itself would reject the old archive
    String touched = trainedOnFirstRun(env, extension, source, first);

    writeJar(1); // rebuilt: other size, and the first mtime again
    String rebuilt = trainedOnFirstRun(env, extension, source, touched);
    assertThat(rebuilt).isNotEqualTo(first);
  }

  /** A run on a new key: leaves only that key's archive, already in use. Returns the key. */
  private String trainedOnFirstRun(Map<String, String> env, String extension, String source, String previousKey)
      throws Exception {
    assertCleanRun(launch(env));
    String archive = onlyCacheFile();
    assertThat(archive).endsWith("." + extension);
    String key = keyOf(archive);
    assertThat(key).isNotEqualTo(previousKey);
    assertThat(loadedFrom()).isEqualTo(source);
    return key;
  }

  /**
   * The key is kept with its inputs and the jar's mtime as its own; while both match it is read
   * back, not made again: here a key planted in it names the next archive. Other inputs (other JVM
   * options) or another jar mtime make the key anew.
   */
  @Test
  void theLastKeyIsReadBackWhileTheJarAndTheInputsAreTheSame() throws Exception {
    assertCleanRun(launch(Map.of()));
    String key = keyOf(onlyCacheFile());
    Path memo = cacheDir.resolve(KEY_MEMO);
    List<String> kept = Files.readAllLines(memo);
    assertThat(kept).hasSize(2).element(1).isEqualTo(key);
    assertThat(Files.getLastModifiedTime(memo)).isEqualTo(Files.getLastModifiedTime(jar));

    Files.write(memo, List.of(kept.get(0), "12345"));
    Files.setLastModifiedTime(memo, Files.getLastModifiedTime(jar));
    assertCleanRun(launch(Map.of()));
    assertThat(keyOf(onlyCacheFile())).isEqualTo("12345");

    assertCleanRun(launch(Map.of("JAVA_OPTS", "-Xmx64m")));
    String other = keyOf(onlyCacheFile());
    assertThat(other).isNotIn(key, "12345");
    assertCleanRun(launch(Map.of()));
    assertThat(keyOf(onlyCacheFile())).isEqualTo(key);

    Files.write(memo, List.of(Files.readAllLines(memo).get(0), "12345")); // the jar's mtime no more
    assertCleanRun(launch(Map.of()));
    assertThat(keyOf(onlyCacheFile())).isEqualTo(key);
  }

  /** Each kind of run gets an archive of its own, of the one key; none replaces another. */
  @Test
  void kindsOfRunKeepArchivesSideBySide() throws Exception {
    assumeTrue(FEATURE >= 24, "AOT caches need JDK 24+; this JVM is " + FEATURE);
    assertCleanRun(launch(Map.of()));
    String key = keyOf(onlyCacheFile());
    String prefix = "fxmatrix-j" + FEATURE + "-" + key;

    for (List<String> args : List.of(List.of("--version"), List.of("-b", "USD", "--demo"), List.of("bench", "-h"))) {
      Run run = finish(start(Map.of(), "run", args), "run");
      assertThat(run.exit()).as("exit code of %s", args).isZero();
      assertThat(run.err()).as("stderr of %s", args).isEmpty();
      assertThat(loadedFrom()).as("%s", args).isEqualTo(FROM_AOT_CACHE);
    }
    assertThat(cacheFiles()).containsExactly(prefix + "-demo.aot", prefix + "-meta.aot", prefix + "-run.aot");
  }

  @Test
  void noCdsMeansNoArchive() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertCleanRun(launch(Map.of("FXMATRIX_NO_CDS", "1")));
      assertThat(cacheFiles()).isEmpty();
      assertThat(loadedFrom()).startsWith("file:");
    }
  }

  @Test
  void userGcChoiceInJavaOptsReplacesTheLaunchersSerialGc() throws Exception {
    // Two GC flags would stop the JVM ("Multiple garbage collectors selected").
    assertCleanRun(launch(Map.of("JAVA_OPTS", "-Xmx64m -XX:+UseG1GC")));
    assertThat(cacheFiles()).hasSize(1);
  }

  @Test
  void tooOldJavaIsRefusedWithExitCode3() throws Exception {
    Path jdk17 = Files.createDirectories(tmp.resolve("jdk-17/bin"));
    Files.writeString(jdk17.resolveSibling("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.2\"\n");
    Path java = jdk17.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho should not run\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run = launch(Map.of("FXMATRIX_JAVA", java.toString()));

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("fxmatrix: ").contains("Java 17.0.2").endsWith("\n");
    assertThat(run.err().lines()).hasSize(1);
  }

  /**
   * Two launchers started together on a checkout whose jar is missing (two cron jobs after an
   * update): one builds, the other waits for that build instead of running a second one into the
   * same target/. Maven is a stand-in here, a slow script that counts its runs.
   */
  @Test
  void launchersStartedTogetherBuildOnce() throws Exception {
    assumeTrue(onPath("flock"), "the build lock needs flock(1)");
    Path checkout = jar.getParent().getParent();
    Path builtJar = Files.copy(jar, tmp.resolve("built.jar"));
    Files.delete(jar);
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
    Path builds = tmp.resolve("builds");
    Path mavenDir = Files.createDirectories(tmp.resolve("maven"));
    Path mvn = mavenDir.resolve("mvn");
    Files.writeString(mvn, "#!/usr/bin/env bash\necho build >> '" + builds + "'\nsleep 1\ncp '" + builtJar + "' target/fxmatrix.jar\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of("PATH", mavenDir + File.pathSeparator + System.getenv("PATH"), "FXMATRIX_NO_CDS", "1");

    Process first = start(env, "first");
    Process second = start(env, "second");
    Run one = finish(first, "first");
    Run two = finish(second, "second");

    assertThat(Files.readAllLines(builds)).as("builds").hasSize(1);
    for (Run run : List.of(one, two)) {
      assertThat(run.out()).as("stdout").isEqualTo(EXPECTED_OUT);
      assertThat(run.exit()).as("exit code").isZero();
    }
    assertThat(one.err() + two.err()).as("stderr of both").startsWith("fxmatrix: building ").hasLineCount(1);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private record Run(int exit, String out, String err) {}

  private Run launch(Map<String, String> env) throws IOException, InterruptedException {
    return finish(start(env, "run"), "run");
  }

  /** Starts the launcher through its symlink, from another directory; output to {@code name}.out/.err. */
  private Process start(Map<String, String> env, String name) throws IOException {
    return start(env, name, ARGS);
  }

  private Process start(Map<String, String> env, String name, List<String> args) throws IOException {
    Files.deleteIfExists(classLog);
    List<String> command = new ArrayList<>();
    command.add(link.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
    Map<String, String> e = pb.environment();
    Stream.of("JAVA_OPTS", "FXMATRIX_OPTS", "FXMATRIX_NO_CDS", "FXMATRIX_JAR", "FXMATRIX_CACHE_DIR",
            "FXMATRIX_CDS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
        .forEach(e::remove);
    e.put("FXMATRIX_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Where each class came from, to a file: tells whether the archive was really used.
    e.put("FXMATRIX_OPTS", "-Xlog:class+load=info:file=" + classLog);
    e.putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile());
    return pb.start();
  }

  private Run finish(Process process, String name) throws IOException, InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish within 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8));
  }

  private static void assertCleanRun(Run run) {
    assertThat(run.err()).as("stderr").isEmpty();
    assertThat(run.out()).as("stdout").isEqualTo(EXPECTED_OUT);
    assertThat(run.exit()).as("exit code").isZero();
  }

  /** Where TinyMain was loaded from, per -Xlog:class+load: "file:..." or "shared objects file...". */
  private String loadedFrom() throws IOException {
    String marker = "dev.fxmatrix.launcher.TinyMain source: ";
    return Files.readAllLines(classLog).stream()
        .filter(line -> line.contains(marker))
        .map(line -> line.substring(line.indexOf(marker) + marker.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("TinyMain not in the class-load log"));
  }

  private List<String> cacheFiles() throws IOException {
    if (!Files.isDirectory(cacheDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(KEY_MEMO)).sorted().toList();
    }
  }

  private String onlyCacheFile() throws IOException {
    List<String> files = cacheFiles();
    assertThat(files).as("files in %s", cacheDir).hasSize(1);
    return files.get(0);
  }

  private static String keyOf(String fileName) {
    Matcher m = ARCHIVE_NAME.matcher(fileName);
    assertThat(m.matches()).as("archive file name %s", fileName).isTrue();
    assertThat(m.group(1)).isEqualTo(Integer.toString(FEATURE));
    return m.group(2);
  }

  private static String archive(String key, String extension) {
    return "fxmatrix-j" + FEATURE + "-" + key + "-run." + extension;
  }

  /** Writes the jar (TinyMain, plus {@code padding} bytes of filler) with the fixed mtime. */
  private void writeJar(int padding) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.fxmatrix.cli.Main");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream tiny = TinyMain.class.getClassLoader().getResourceAsStream(TINY_CLASS)) {
      assertThat(tiny).as(TINY_CLASS).isNotNull();
      out.putNextEntry(new JarEntry(TINY_CLASS));
      tiny.transferTo(out);
      out.closeEntry();
      out.putNextEntry(new JarEntry(ENTRY_CLASS));
      out.write(Files.readAllBytes(entryClasses.resolve(ENTRY_CLASS)));
      out.closeEntry();
      if (padding > 0) {
        out.putNextEntry(new JarEntry("padding.txt"));
        out.write(new byte[padding * 1024]);
        out.closeEntry();
      }
    }
    Files.setLastModifiedTime(jar, FileTime.fromMillis(jarTime));
  }

  private void touchJar() throws IOException {
    Files.setLastModifiedTime(jar, FileTime.fromMillis(jarTime + 10_000));
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
  }
}
