package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherChoiceTest {
  @TempDir Path dir;

  @Test
  void onWindowsTheNativeLauncherBesideTheJarIsUsedNotABatchFile() throws Exception {
    Path jar = Files.writeString(dir.resolve("click2call.jar"), "jar");
    Path exe = Files.writeString(dir.resolve("click2call-host.exe"), "MZ");
    Launcher launcher = Launcher.forThisProcess(Os.WINDOWS, dir.resolve("jdk"), Optional.of(jar));
    assertThat(launcher.program()).isEqualTo(exe);
    assertThat(launcher.steps()).as("nothing generated").isEmpty();
  }

  @Test
  void withoutItTheBatchFallbackIsStillWritten() throws Exception {
    Path jar = Files.writeString(dir.resolve("click2call.jar"), "jar");
    Launcher launcher = Launcher.forThisProcess(Os.WINDOWS, dir.resolve("jdk"), Optional.of(jar));
    assertThat(launcher.program().getFileName().toString()).isEqualTo("click2call-host.bat");
  }
}
