package dev.fxmatrix.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerLauncherTest {
  @Test
  void workersTakeTheLaunchersFlagsOnePerLineSoTheyShareItsArchive() {
    String fromLauncher = "-XX:TieredStopAtLevel=1\n-XX:AOTCache=/home/a user/fx/target/cds/x.aot\n";
    assertThat(WorkerLauncher.jvmOptions(fromLauncher))
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:AOTCache=/home/a user/fx/target/cds/x.aot");
  }

  @Test
  void withoutTheLauncherWorkersUseFlagsForAQuickStart() {
    assertThat(WorkerLauncher.jvmOptions(null)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    assertThat(WorkerLauncher.jvmOptions("  ")).isEqualTo(WorkerLauncher.jvmOptions(null));
  }
}
