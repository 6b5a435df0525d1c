package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fxmatrix.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose requests are all plain HTTP leaves the JDK's security providers but SUN
 * unloaded; one that may use https keeps them all, and a user's own java.security file wins.
 * In child JVMs: the choice holds for a JVM's life, and the tests' JVM makes https clients too.
 */
class PlainHttpProvidersTest {
  @TempDir Path dir;

  private String providersAfterClientFor(String url, String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ChildJvm.javaCommand()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SecurityProvidersProbe.class.getName(), url));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void plainHttpLoadsOnlySun() throws Exception {
    assertThat(providersAfterClientFor("http://127.0.0.1:1/v1")).isEqualTo("1");
  }

  @Test
  void httpsKeepsEveryProvider() throws Exception {
    assertThat(Integer.parseInt(providersAfterClientFor("https://127.0.0.1:1/v1"))).isGreaterThan(5);
  }

  @Test
  void aJavaSecurityFileOfTheUsersOwnIsKept() throws Exception {
    Path own = Files.writeString(dir.resolve("own.security"), "security.provider.3=\n");
    assertThat(providersAfterClientFor("http://127.0.0.1:1/v1", "-Djava.security.properties=" + own)).isEqualTo("2");
  }
}
