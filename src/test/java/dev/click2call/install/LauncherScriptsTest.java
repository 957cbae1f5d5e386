package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.host.ExtensionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherScriptsTest {
  @TempDir Path temp;

  @Test
  void theGeneratedScriptStartsTheHostWithAnEmptyEnvironmentFromAPathWithAQuote() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("it's here"));
    Path script = dir.resolve(LauncherScripts.POSIX_NAME);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The test runs from classes, not the jar: the same script with the class path swapped in.
    String text =
        LauncherScripts.posix(Path.of(java), dir.resolve("click2call.jar"))
            .replace(
                "-cp \"$JAR\" dev.click2call.Main",
                "-cp '" + System.getProperty("java.class.path") + "' dev.click2call.Main");
    assertThat(text).doesNotContain("-jar").contains("-cp '");
    Files.writeString(script, text);
    // An archive the JVM cannot use (another JDK wrote it, or it is damaged) must not matter.
    Files.writeString(dir.resolve(LauncherScripts.CDS_ARCHIVE), "not a CDS archive");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    // env -i: the browser may give the host an almost empty environment (no PATH, no JAVA_HOME).
    List<String> command =
        new ArrayList<>(List.of("env", "-i", "CLICK2CALL_LOG_DIR=" + temp, script.toString()));
    command.add(ExtensionIds.bundled().chromiumOrigins().get(0));
    HostPing.Result result = HostPing.ping(command, Duration.ofSeconds(20), false);
    assertThat(result.problem()).isNull();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void jvmLoggingNeverTargetsStandardOutput() {
    assertThat(LauncherScripts.JVM_OPTIONS.get(0)).isEqualTo("-Xlog:disable");
    assertThat(LauncherScripts.JVM_OPTIONS)
        .noneMatch(o -> o.startsWith("-Xlog") && o.contains("stdout"));
    String script = LauncherScripts.posix(Path.of("/j/bin/java"), Path.of("/a/click2call.jar"));
    assertThat(script).contains("exec \"$JAVA\" $JVM_OPTIONS");
    assertThat(script).contains("JAVA='/j/bin/java'");
  }

  @Test
  void theBatFallbackRefusesPathsCmdWouldMangle() {
    assertThat(
            LauncherScripts.bat(
                Path.of("C:\\Java\\bin\\java.exe"), Path.of("C:\\App\\click2call.jar")))
        .contains("-cp \"C:\\App\\click2call.jar\" dev.click2call.Main %*")
        .doesNotContain("-jar")
        .contains("-Xlog:disable");
    assertThatThrownBy(
            () -> LauncherScripts.bat(Path.of("java.exe"), Path.of("C:\\100%\\click2call.jar")))
        .hasMessageContaining("cmd.exe");
  }
}
