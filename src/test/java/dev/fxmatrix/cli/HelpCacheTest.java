package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The kept {@code --help} is the help picocli lays out, for the inputs it was laid out with. */
class HelpCacheTest {
  @TempDir Path dir;

  @AfterEach
  void clearProperties() {
    System.clearProperty("fxmatrix.helpCache");
    System.clearProperty("picocli.usage.width");
  }

  @Test
  void theFirstHelpIsKeptAndTheNextIsReadBack() throws IOException {
    String laidOut = Cli.run("--help").out();
    System.setProperty("fxmatrix.helpCache", dir.resolve("fxmatrix-j25-1-meta").toString());

    Cli first = Cli.run("--help");
    assertThat(first.out()).isEqualTo(laidOut);
    assertThat(first.exitCode()).isZero();
    Path kept = onlyFile();
    assertThat(kept.getFileName().toString()).startsWith("fxmatrix-j25-1-meta-help-80-plain-").endsWith(".txt");
    assertThat(Files.readString(kept)).isEqualTo(laidOut);

    Files.writeString(kept, "kept text\n"); // what the next run prints comes from the file
    Cli second = Cli.run("-h");
    assertThat(second.out()).isEqualTo("kept text\n");
    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
  }

  @Test
  void anotherWidthIsAnotherFileWithItsOwnLayout() throws IOException {
    System.setProperty("picocli.usage.width", "120");
    String wide = Cli.run("--help").out();
    System.setProperty("fxmatrix.helpCache", dir.resolve("p").toString());
    Cli.run("--help");
    System.setProperty("picocli.usage.width", "80");
    Cli.run("--help");

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .hasSize(2)
          .anyMatch(name -> name.startsWith("p-help-120-plain-"))
          .anyMatch(name -> name.startsWith("p-help-80-plain-"));
    }
    String narrow = Cli.run("--help").out();
    System.setProperty("picocli.usage.width", "120");
    assertThat(Cli.run("--help").out()).isEqualTo(wide).isNotEqualTo(narrow);
  }

  @Test
  void helpWithOtherArgumentsIsLaidOutAndNotKept() throws IOException {
    System.setProperty("fxmatrix.helpCache", dir.resolve("p").toString());
    Cli run = Cli.run("-q", "--help");
    assertThat(run.out()).startsWith("Usage: fxmatrix");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aFolderThatCannotBeWrittenStillGetsTheHelp() {
    System.setProperty("fxmatrix.helpCache", dir.resolve("missing/folder/p").toString());
    Cli run = Cli.run("--help");
    assertThat(run.out()).startsWith("Usage: fxmatrix");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theKeyFollowsTheInterpolatedVariablesAndPicocliPropertiesOnly() {
    Properties none = new Properties();
    Properties ansiOff = new Properties();
    ansiOff.setProperty("picocli.ansi", "false");
    String base = HelpCache.key(80, false, Map.of("HOME", "/a", "FXMATRIX_PROVIDER", "frankfurter"), none);

    assertThat(HelpCache.key(80, false, Map.of("HOME", "/b", "FXMATRIX_PROVIDER", "frankfurter", "FXMATRIX_DATE", "2020-01-02"), none))
        .isEqualTo(base);
    assertThat(HelpCache.key(80, false, Map.of("HOME", "/a", "FXMATRIX_PROVIDER", "currency-api"), none)).isNotEqualTo(base);
    assertThat(HelpCache.key(80, false, Map.of("HOME", "/a"), none)).isNotEqualTo(base);
    assertThat(HelpCache.key(80, false, Map.of("HOME", "/a", "FXMATRIX_PROVIDER", "frankfurter"), ansiOff)).isNotEqualTo(base);
    assertThat(HelpCache.key(80, true, Map.of("HOME", "/a", "FXMATRIX_PROVIDER", "frankfurter"), none)).isNotEqualTo(base);
  }

  /**
   * The key holds the variables the help interpolates and the picocli. properties: help that
   * interpolated any other (a default from ${env:HOME}) would be kept for the wrong runs.
   */
  @Test
  void theMainHelpInterpolatesOnlyWhatTheKeyHolds() {
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    CommandSpec spec = FxMatrixCommand.commandLine(discard, discard, "--help").getCommandSpec();
    spec.interpolateVariables(false); // the texts as written
    List<String> texts = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      texts.add(option.defaultValue());
      texts.addAll(List.of(option.description()));
      texts.add(option.paramLabel());
    }
    texts.addAll(List.of(spec.usageMessage().description()));
    texts.addAll(List.of(spec.usageMessage().footer()));
    Matcher lookup = Pattern.compile("\\$\\{(env|sys):([^:}]*)").matcher(String.join("\n", texts.stream().map(String::valueOf).toList()));
    List<String> names = new ArrayList<>();
    while (lookup.find()) {
      names.add(lookup.group(1) + ":" + lookup.group(2));
    }
    assertThat(names).filteredOn(name -> name.startsWith("env:")).map(name -> name.substring(4))
        .containsExactlyInAnyOrderElementsOf(HelpCache.VARIABLES);
    assertThat(names).filteredOn(name -> name.startsWith("sys:")).allMatch(name -> name.startsWith("sys:picocli."));
  }

  private Path onlyFile() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.getFirst();
    }
  }
}
