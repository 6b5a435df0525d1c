package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxmatrix.testing.Cli;
import dev.fxmatrix.testing.FakeFrankfurter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o FILE}: written only when every base succeeded (or with {@code --allow-partial}), to
 * what FILE names: a regular file replaced atomically with its permissions kept, a symlink's
 * target, a device or FIFO directly; a failed run leaves the previous file exactly as it was and
 * no temporary file, and every refusal or failure says why.
 */
class OutputFileTest {
  static final String OLD = "the previous run's matrix\n";
  static final Instant OLD_TIME = Instant.parse("2001-02-03T04:05:06Z");
  static final String TABLE_WITHOUT_PLN = MatrixCommandTest.SEED_TABLE.replaceAll("(?m)^1 PLN.*\n", "");

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path folder;
  Path file;

  final FakeFrankfurter api = FakeFrankfurter.seed();
  volatile String failingBase; // answered with 500, if set
  volatile FolderChange duringFetch; // done once, at the first request, if set
  final List<List<String>> folderDuringRequests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() {
    file = folder.resolve("rates.txt");
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            folderDuringRequests.add(names(folder));
            FolderChange change = duringFetch;
            duringFetch = null;
            if (change != null) {
              try {
                change.apply();
              } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
              }
            }
            if (request.getUrl().queryParameter("base").equals(failingBase)) {
              return new MockResponse.Builder().code(500).build();
            }
            return api.dispatch(request);
          }
        });
  }

  Cli run(String... options) {
    return runTo(file.toString(), options);
  }

  Cli runTo(String output, String... options) {
    List<String> args = new ArrayList<>(List.of("--api-url", server.url("/v1").toString(), "--retries", "0", "-o", output));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Something done to the folder while the run fetches. */
  interface FolderChange {
    void apply() throws IOException, InterruptedException;
  }

  @AfterEach
  void writableAgain() throws IOException, InterruptedException {
    SpecialFiles.makeWritable(folder); // so that the temporary folder can be deleted
  }

  void writeOldFile() throws IOException {
    Files.writeString(file, OLD);
    Files.setLastModifiedTime(file, FileTime.from(OLD_TIME));
  }

  void assertOldFileUntouched() throws IOException {
    assertThat(Files.readString(file)).isEqualTo(OLD);
    assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(OLD_TIME);
  }

  static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void writesTheMatrixToTheFileAndNothingToStdout() throws IOException {
    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void nothingAppearsInTheFolderBeforeTheMatrixIsComplete() throws IOException {
    writeOldFile();

    run("-q", "--strategy", "sequential");

    // While the requests were out, the folder held the previous file alone: a run killed then
    // (even with SIGKILL) leaves no temporary file behind.
    assertThat(folderDuringRequests).isNotEmpty().allSatisfy(names -> assertThat(names).containsExactly("rates.txt"));
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void replacesThePreviousFileOnSuccess() throws IOException {
    writeOldFile();

    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void aFailedBaseLeavesThePreviousFileExactlyAsItWas() throws IOException {
    writeOldFile();
    failingBase = "PLN";

    Cli run = run();

    assertThat(run.exitCode()).isEqualTo(1);
    assertOldFileUntouched();
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("fxmatrix: PLN: HTTP 500 (1 attempt)\n")
        .contains("not writing " + file)
        .contains("--allow-partial");
  }

  @Test
  void aFailedRunWithoutAPreviousFileCreatesNone() {
    failingBase = "PLN";

    Cli run = run("-q");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(names(folder)).isEmpty();
  }

  @Test
  void allowPartialWritesTheRowsThatSucceeded() throws IOException {
    writeOldFile();
    failingBase = "PLN";

    Cli run = run("-q", "--allow-partial");

    assertThat(run.exitCode()).isEqualTo(1); // still a failure, for the cron job's sake
    assertThat(Files.readString(file)).isEqualTo(TABLE_WITHOUT_PLN);
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(run.err()).contains("fxmatrix: PLN: HTTP 500 (1 attempt)\n");
  }

  @Test
  void allowPartialJsonNamesTheFailure() throws IOException {
    failingBase = "PLN";

    Cli run = run("-q", "--allow-partial", "-f", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("failures").get("PLN").asText()).isEqualTo("HTTP 500 (1 attempt)");
    assertThat(json.get("rates").has("PLN")).isFalse();
    assertThat(json.get("rates").has("USD")).isTrue();
  }

  @Test
  void allowPartialWithEveryBaseSucceedingIsAnOrdinaryRun() throws IOException {
    Cli run = run("-q", "--allow-partial");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(MatrixCommandTest.SEED_TABLE);
  }

  @Test
  void badUsageLeavesThePreviousFileAlone() throws IOException {
    writeOldFile();

    Cli run = run("--threads", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertOldFileUntouched();
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFolderIsNotAnOutputFile() throws IOException {
    Cli run = Cli.run("--api-url", server.url("/v1").toString(), "-o", folder.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--output").contains("is a folder");
    assertThat(server.getRequestCount()).isZero();
  }

  // --- what the path names: files, links, devices, FIFOs, stdout ---

  @Test
  void aNewFileGetsThePermissionsOfTheUmask() throws Exception {
    int umask = SpecialFiles.umask();

    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(mode(file)).isEqualTo(0666 & ~umask);
  }

  @Test
  void anExistingFileKeepsItsPermissions() throws IOException {
    writeOldFile();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--")); // a share's file, say

    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(mode(file)).isEqualTo(0664);
  }

  @Test
  void anExistingFileKeepsItsOwnerAndGroupWhenRootWritesIt() throws IOException {
    // Only root may hand a file to another user, so only root can set this case up (and CI runs
    // as root); a user's rename keeps the group where the user belongs to it.
    assumeTrue(SpecialFiles.root(), "needs root: only root may give a file to another owner");
    writeOldFile();
    Files.setAttribute(file, "unix:uid", 4321);
    Files.setAttribute(file, "unix:gid", 4322);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    Cli run = run("-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(4321);
    assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(4322);
    assertThat(mode(file)).isEqualTo(0640);
  }

  @Test
  void aSymlinkIsFollowedAndItsTargetReplaced() throws IOException {
    Path data = Files.createDirectory(folder.resolve("data"));
    Path links = Files.createDirectory(folder.resolve("links"));
    Path target = data.resolve("real.txt");
    Files.writeString(target, OLD);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
    Path link = Files.createSymbolicLink(links.resolve("rates.txt"), Path.of("../data/real.txt"));

    Cli run = runTo(link.toString(), "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../data/real.txt"));
    assertThat(Files.readString(target)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(mode(target)).isEqualTo(0664);
    assertThat(names(data)).containsExactly("real.txt");
    assertThat(names(links)).containsExactly("rates.txt");
  }

  @Test
  void aChainOfSymlinksIsFollowedToTheEnd() throws IOException {
    Path target = folder.resolve("real.txt");
    Files.writeString(target, OLD);
    Path second = Files.createSymbolicLink(folder.resolve("second"), Path.of("real.txt"));
    Path first = Files.createSymbolicLink(folder.resolve("first"), second);

    Cli run = runTo(first.toString(), "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readSymbolicLink(first)).isEqualTo(second);
    assertThat(Files.readSymbolicLink(second)).isEqualTo(Path.of("real.txt"));
    assertThat(Files.readString(target)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(folder)).containsExactly("first", "real.txt", "second");
  }

  @Test
  void aDanglingSymlinkCreatesTheFileItPointsTo() throws IOException {
    Path data = Files.createDirectory(folder.resolve("data"));
    Path link = Files.createSymbolicLink(folder.resolve("rates.txt"), Path.of("data/new.txt"));

    Cli run = runTo(link.toString(), "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("data/new.txt"));
    assertThat(Files.readString(data.resolve("new.txt"))).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(data)).containsExactly("new.txt");
  }

  @Test
  void aSymlinkIntoAMissingFolderIsRefusedBeforeFetching() throws IOException {
    Path link = Files.createSymbolicLink(folder.resolve("rates.txt"), Path.of("nowhere/new.txt"));

    Cli run = runTo(link.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--output").contains("does not exist");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aDeviceIsWrittenToAndStaysADevice() throws Exception {
    Path nullDevice = SpecialFiles.device(folder, "null", 3);

    Cli run = runTo(nullDevice.toString(), "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(SpecialFiles.isCharacterDevice(nullDevice)).isTrue();
    assertThat(names(folder)).containsExactlyInAnyOrderElementsOf(SpecialFiles.root() ? List.of("null") : List.of());
  }

  @Test
  void aSymlinkToADeviceWritesTheDeviceAndKeepsTheLink() throws Exception {
    Path nullDevice = SpecialFiles.device(folder, "null", 3);
    Path link = Files.createSymbolicLink(folder.resolve("rates.txt"), nullDevice);

    Cli run = runTo(link.toString(), "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(nullDevice);
    assertThat(SpecialFiles.isCharacterDevice(nullDevice)).isTrue();
  }

  @Test
  void aDeviceThatIsFullFailsWithTheReason() throws Exception {
    Path full = SpecialFiles.device(folder, "full", 7);

    Cli run = runTo(full.toString(), "-q");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("fxmatrix: cannot write " + full + ": No space left on device\n");
    assertThat(SpecialFiles.isCharacterDevice(full)).isTrue();
  }

  @Test
  void aFifoIsWrittenToDirectly() throws Exception {
    Path fifo = SpecialFiles.fifo(folder.resolve("rates.fifo"));
    Path received = Files.createTempFile("received", ".txt");
    Process reader = new ProcessBuilder("cat", fifo.toString()).redirectOutput(received.toFile()).start();
    try {
      Cli run = runTo(fifo.toString(), "-q");

      assertThat(run.exitCode()).isZero();
      assertThat(reader.waitFor(10, TimeUnit.SECONDS)).as("the reader got to the end").isTrue();
      assertThat(Files.readString(received)).isEqualTo(MatrixCommandTest.SEED_TABLE);
      assertThat(SpecialFiles.isFifo(fifo)).isTrue();
      assertThat(names(folder)).containsExactly("rates.fifo");
    } finally {
      reader.destroyForcibly();
      Files.delete(received);
    }
  }

  @Test
  void aFailedRunWritesNothingToAFifoAndItsReaderGetsToTheEnd() throws Exception {
    failingBase = "PLN";
    Path fifo = SpecialFiles.fifo(folder.resolve("rates.fifo"));
    Path received = Files.createTempFile("received", ".txt");
    Process reader = new ProcessBuilder("cat", fifo.toString()).redirectOutput(received.toFile()).start();
    try {
      Cli run = runTo(fifo.toString(), "-q");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(reader.waitFor(10, TimeUnit.SECONDS)).as("the reader is not left waiting").isTrue();
      assertThat(Files.readString(received)).isEmpty();
      assertThat(SpecialFiles.isFifo(fifo)).isTrue();
      assertThat(run.err()).contains("not writing " + fifo);
    } finally {
      reader.destroyForcibly();
      Files.delete(received);
    }
  }

  @Test
  void aDashIsStdout() {
    Path dash = Path.of("-").toAbsolutePath();
    assertThat(dash).doesNotExist();
    try {
      Cli run = runTo("-", "-q");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo(MatrixCommandTest.SEED_TABLE);
      assertThat(dash).doesNotExist();
    } finally {
      dash.toFile().delete(); // what the old code left in the working directory
    }
  }

  @Test
  void aTrailingSlashIsRefusedBeforeFetching() {
    String output = folder.resolve("x.csv") + "/";

    Cli run = runTo(output);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("fxmatrix: --output: '" + output + "' ends with a slash: give a file name, not a folder (see fxmatrix --help)\n");
    assertThat(names(folder)).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anEmptyNameIsRefusedBeforeFetching() {
    Cli run = runTo("");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--output").contains("empty");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theLongestValidNameIsWritten() throws IOException {
    Path longest = folder.resolve("r".repeat(251) + ".txt"); // 255 bytes, NAME_MAX

    Cli run = runTo(longest.toString(), "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(longest)).isEqualTo(MatrixCommandTest.SEED_TABLE);
    assertThat(names(folder)).containsExactly(longest.getFileName().toString());
  }

  @Test
  void aNameTooLongIsRefusedBeforeFetching() {
    Cli run = runTo(folder.resolve("r".repeat(252) + ".txt").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--output").contains("256 bytes").contains("255");
    assertThat(server.getRequestCount()).isZero();
  }

  // --- failures while writing: each says why, none leaves a temporary file ---

  @Test
  void aFolderThatTurnsReadOnlyDuringTheRunFailsWithTheReasonAndLeavesNoTemporaryFile() throws Exception {
    // As root, only chattr +i makes a folder read-only; where that is not allowed, the test below
    // (a rename that fails) still covers the clean-up, and this one is reported as skipped.
    assumeTrue(SpecialFiles.canMakeReadOnly(folder), "root cannot chattr +i here (no chattr, or no CAP_LINUX_IMMUTABLE)");
    writeOldFile();
    duringFetch = () -> SpecialFiles.makeReadOnly(folder);

    Cli run = run("-q", "--strategy", "sequential");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .hasLineCount(1)
        .startsWith("fxmatrix: cannot write " + file + ": ")
        .containsPattern(": (Operation not permitted|Permission denied)\n$");
    SpecialFiles.makeWritable(folder);
    assertOldFileUntouched();
    assertThat(names(folder)).containsExactly("rates.txt");
  }

  @Test
  void aRenameThatFailsSaysWhyAndLeavesNoTemporaryFile() throws IOException {
    writeOldFile();
    duringFetch = () -> {
      Files.delete(file); // what was a file is now a folder that is not empty: rename(2) refuses
      Files.createDirectory(file);
      Files.writeString(file.resolve("inside"), "x");
    };

    Cli run = run("-q", "--strategy", "sequential");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).hasLineCount(1).startsWith("fxmatrix: cannot write " + file + ": ").endsWith("Is a directory\n");
    assertThat(names(folder)).containsExactly("rates.txt");
    assertThat(names(file)).containsExactly("inside");
  }

  static int mode(Path path) throws IOException {
    return (int) Files.getAttribute(path, "unix:mode") & 0777;
  }
}
