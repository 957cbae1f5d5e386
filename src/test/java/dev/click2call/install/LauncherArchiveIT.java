package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.host.ExtensionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated launcher with the packaged jar and the archive the build records beside it: a host
 * session (hello, then the idle log set-up and exit) takes every one of its own classes from the
 * archive, and the JVM does not open the jar before the first reply. A stale archive or a training
 * that missed the host's path would show classes read from the jar; a launcher that went back to
 * {@code -jar} would open the jar before {@code Main}.
 */
class LauncherArchiveIT {
  private static final Path JAR = Path.of(System.getProperty("click2call.jar"));
  private static final Pattern OWN_CLASS =
      Pattern.compile("^(?:\\[[^\\]]*\\])*\\s*(dev\\.click2call\\.\\S+) source: (.+)$");

  @TempDir Path dir;

  @Test
  void aHostSessionReadsNoClassOfItsOwnFromTheJar() throws Exception {
    assertThat(JAR.resolveSibling(LauncherScripts.CDS_ARCHIVE)).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path classLog = dir.resolve("classes.txt");
    // The launcher as written, plus class-load logging after its own options (which begin with
    // -Xlog:disable, so the log cannot come in through JAVA_TOOL_OPTIONS).
    String launcher = LauncherScripts.posix(Path.of(java), JAR.toAbsolutePath());
    String logged =
        launcher.replace(
            "$JVM_OPTIONS -XX:SharedArchiveFile",
            "$JVM_OPTIONS -Xlog:class+load=info:file=" + classLog + " -XX:SharedArchiveFile");
    assertThat(logged).isNotEqualTo(launcher);
    Path script = dir.resolve(LauncherScripts.POSIX_NAME);
    Files.writeString(script, logged);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    HostPing.Result result =
        HostPing.ping(
            List.of(
                "env",
                "CLICK2CALL_SOFTPHONE=none",
                "CLICK2CALL_LOG_DIR=" + dir.resolve("logs"),
                "CLICK2CALL_CONFIG=" + dir.resolve("config.json"),
                "CLICK2CALL_SYSTEM_CONFIG=" + dir.resolve("system.json"),
                script.toString(),
                ExtensionIds.bundled().chromiumOrigins().get(0)),
            Duration.ofSeconds(30),
            false);

    assertThat(result.problem()).isNull();
    int own = 0;
    for (String line : Files.readAllLines(classLog)) {
      Matcher loaded = OWN_CLASS.matcher(line);
      if (loaded.matches()) {
        own++;
        assertThat(loaded.group(2)).as(loaded.group(1)).isEqualTo("shared objects file");
      }
    }
    assertThat(own).as("classes of the host seen in the log").isGreaterThan(40);

    // The JVM opens the jar only after the first reply (when logging starts), if at all; a -jar
    // start opens it before Main to read the manifest.
    List<String> lines = Files.readAllLines(classLog);
    int opened = indexOf(lines, "java.util.zip.ZipFile$Source ");
    int loggingStarts = indexOf(lines, "java.util.logging.LogManager ");
    assertThat(loggingStarts).as("logging started after the reply").isPositive();
    if (opened >= 0) {
      assertThat(opened).as("the jar opened before the first reply").isGreaterThan(loggingStarts);
    }
  }

  private static int indexOf(List<String> lines, String className) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("] " + className)) {
        return i;
      }
    }
    return -1;
  }
}
