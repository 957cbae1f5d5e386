package dev.click2call.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.install.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install}, {@code doctor} and {@code uninstall} as the end-to-end harness uses them: real
 * processes with a temporary HOME, a custom Chromium user-data-dir and an explicit launcher.
 */
class InstallCommandsTest {
  @TempDir Path temp;

  /** {@code out} is standard output and error together; {@code stdout} alone (for JSON). */
  private record Run(int exit, String out, String stdout) {}

  private Run click2call(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.click2call.Main"));
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile(temp, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().put("HOME", temp.resolve("home").toString());
    builder.environment().remove("XDG_CONFIG_HOME");
    builder.environment().put("CLICK2CALL_LOG_DIR", temp.resolve("logs").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out + Files.readString(stderr), out);
  }

  private List<Path> filesUnder(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(Map<String, Object> report, String id) {
    return ((List<Map<String, Object>>) report.get("sections"))
        .stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
  }

  @Test
  void installDoctorFixAndUninstallForChromiumProfileAndFirefoxHome() throws Exception {
    Files.createDirectories(temp.resolve("home"));
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    Path profile = temp.resolve("chromium-profile");

    Run dry =
        click2call(
            "install",
            "--browser",
            "chromium,firefox",
            "--user-data-dir",
            profile.toString(),
            "--launcher",
            launcher.toString(),
            "--dry-run");
    assertThat(dry.exit()).isZero();
    assertThat(dry.out())
        .contains("would write " + profile.resolve("NativeMessagingHosts/click2call.host.json"));
    assertThat(filesUnder(temp.resolve("home"))).isEmpty();

    Run install =
        click2call(
            "install",
            "--browser",
            "chromium,firefox",
            "--user-data-dir",
            profile.toString(),
            "--launcher",
            launcher.toString());
    assertThat(install.exit()).as(install.out()).isZero();
    Path firefoxManifest =
        temp.resolve("home/.mozilla/native-messaging-hosts/click2call.host.json");
    assertThat(firefoxManifest).isRegularFile();
    assertThat(
            click2call(
                    "install",
                    "--browser",
                    "chromium,firefox",
                    "--user-data-dir",
                    profile.toString(),
                    "--launcher",
                    launcher.toString())
                .out())
        .contains("0 changes made");

    Files.delete(firefoxManifest);
    Run broken =
        click2call(
            "doctor",
            "--json",
            "--browser",
            "chromium,firefox",
            "--user-data-dir",
            profile.toString());
    assertThat(broken.exit()).isEqualTo(ExitCodes.FAILURE);
    Map<String, Object> report = JSON.std.mapFrom(broken.stdout());
    assertThat(section(report, "chromium").get("ok")).isEqualTo(true);
    assertThat(section(report, "firefox").get("ok")).isEqualTo(false);

    Run fixed =
        click2call(
            "doctor",
            "--fix",
            "--json",
            "--browser",
            "chromium,firefox",
            "--user-data-dir",
            profile.toString(),
            "--launcher",
            launcher.toString());
    Map<String, Object> after = JSON.std.mapFrom(fixed.stdout());
    assertThat(section(after, "firefox").get("ok")).as(fixed.out()).isEqualTo(true);
    assertThat(firefoxManifest).isRegularFile();

    Run uninstall =
        click2call(
            "uninstall", "--browser", "chromium,firefox", "--user-data-dir", profile.toString());
    assertThat(uninstall.exit()).isZero();
    assertThat(uninstall.out()).doesNotContain("already");
    assertThat(filesUnder(temp.resolve("home"))).isEmpty();
    assertThat(filesUnder(profile)).isEmpty();
    assertThat(launcher).exists();
  }

  @Test
  void everyCommandAnswersHelp() throws Exception {
    Files.createDirectories(temp.resolve("home"));
    for (String[] command :
        List.of(
            new String[] {"install", "--help"},
            new String[] {"uninstall", "--help"},
            new String[] {"doctor", "--help"},
            new String[] {"cds-archive", "--help"},
            new String[] {"microsip", "hooks", "install", "--help"})) {
      Run help = click2call(command);
      assertThat(help.exit()).as(String.join(" ", command)).isEqualTo(ExitCodes.OK);
      assertThat(help.stdout() + help.out())
          .as(String.join(" ", command))
          .contains("Usage: click2call " + command[0])
          .doesNotContain("Unknown option");
    }
  }

  @Test
  void badArgumentsAreUsageErrors() throws Exception {
    Files.createDirectories(temp.resolve("home"));
    Run unknown = click2call("install", "--browser", "netscape", "--dry-run");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.out()).contains("unknown browser 'netscape'").contains("chrome, chromium");
    Run relative = click2call("install", "--browser", "firefox", "--launcher", "click2call-host");
    assertThat(relative.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(relative.out()).contains("must be an absolute path");
  }

  @Test
  void stageWritesBothFamilyManifestsWithARelativeLauncher() throws Exception {
    Files.createDirectories(temp.resolve("home"));
    Path stage = temp.resolve("stage");
    assertThat(
            click2call("install", "--stage", stage.toString(), "--launcher", "click2call.exe")
                .exit())
        .isZero();
    assertThat(
            JSON.std
                .mapFrom(Files.readString(stage.resolve("click2call.host.chromium.json")))
                .get("path"))
        .isEqualTo("click2call.exe");
    assertThat(stage.resolve("click2call.host.gecko.json")).isRegularFile();
  }
}
