package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.host.ExtensionIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the per-machine MSI from installer/windows/click2call.wxs with wixl and reads its tables
 * back with msitools. Needs the Debian packages wixl and msitools: fails (never skips) without.
 */
class MsiBuildIT {
  private static final String HOST = "click2call.host";

  @TempDir Path temp;

  private static String run(Path workDir, String... command) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " is missing: install the Debian packages wixl and msitools", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  /** The rows of an exported MSI table (the first three lines are the header). */
  private static List<List<String>> table(Path msi, String name) throws Exception {
    String text = run(msi.getParent(), "msiinfo", "export", msi.toString(), name);
    List<List<String>> rows = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (String line : lines.subList(3, lines.size())) {
      rows.add(Arrays.asList(line.split("\t", -1)));
    }
    return rows;
  }

  @Test
  void theMsiRegistersEveryBrowserFamilyInHklmAndShipsTheManifests() throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    Path jar = repo.resolve("target/click2call.jar");
    assertThat(jar).as("run after `package`").isRegularFile();
    Path msi = temp.resolve("click2call.msi");
    run(
        repo,
        "sh",
        "installer/windows/build-msi.sh",
        jar.toString(),
        "target/native/windows",
        msi.toString());

    // Registry table: Root 2 = HKLM; the key's default value (empty Name) = the manifest.
    List<List<String>> registry = table(msi, "Registry");
    Map<String, String> expected =
        Map.of(
            "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\" + HOST, "chromium",
            "SOFTWARE\\Chromium\\NativeMessagingHosts\\" + HOST, "chromium",
            "SOFTWARE\\Microsoft\\Edge\\NativeMessagingHosts\\" + HOST, "chromium",
            "SOFTWARE\\Mozilla\\NativeMessagingHosts\\" + HOST, "gecko");
    expected.forEach(
        (key, family) ->
            assertThat(registry)
                .as(key)
                .anySatisfy(
                    row -> {
                      assertThat(row.get(1)).isEqualTo("2");
                      assertThat(row.get(2).replaceAll("\\\\$", "")).isEqualTo(key);
                      assertThat(row.get(3)).isEmpty();
                      assertThat(row.get(4))
                          .isEqualTo("[INSTALLDIR]" + HOST + "." + family + ".json");
                    }));
    // Nothing GPO manages, no machine-wide switch for every native host.
    assertThat(registry)
        .noneSatisfy(row -> assertThat(row.get(2)).startsWith("SOFTWARE\\Policies\\"))
        .noneSatisfy(
            row -> assertThat(row.get(3)).isEqualTo("NativeHostsExecutablesLaunchDirectly"));
    // Active Setup: MicroSIP's hooks for each user at their next logon, by the native launcher.
    String activeSetup =
        "SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\"
            + "{E4B7C2D1-9A3F-4C5E-8B6D-2F1A0C9E7D58}";
    assertThat(registry)
        .anySatisfy(
            row -> {
              assertThat(row.get(1)).isEqualTo("2");
              assertThat(row.get(2).replaceAll("\\\\$", "")).isEqualTo(activeSetup);
              assertThat(row.get(3)).isEqualTo("StubPath");
              assertThat(row.get(4))
                  .isEqualTo("\"[INSTALLDIR]click2call-host.exe\" microsip hooks install");
            });
    assertThat(registry)
        .anySatisfy(row -> assertThat(row.subList(3, 5)).containsExactly("Version", "0,1,0"));

    // AppSearch + LaunchCondition: no install without a Java 17+ runtime, with what to install.
    assertThat(table(msi, "AppSearch").stream().map(row -> row.get(0)))
        .contains("JAVA_ZULU17", "JAVASOFT_JDK", "MACHINE_JAVA_HOME");
    assertThat(table(msi, "RegLocator"))
        .anySatisfy(
            row ->
                assertThat(row.subList(1, 4))
                    .containsExactly("2", "SOFTWARE\\JavaSoft\\JDK", "CurrentVersion"));
    assertThat(table(msi, "LaunchCondition"))
        .anySatisfy(
            row -> {
              assertThat(row.get(0)).startsWith("Installed OR SKIPJAVACHECK OR ");
              assertThat(row.get(1)).contains("Java 17").contains("Eclipse Temurin 17");
            });

    // File table: both native programs, the jar, the JVM options, JNA's DLL, both manifests,
    // the licence and the notices; no .bat anywhere.
    assertThat(table(msi, "File").stream().map(row -> row.get(2)))
        .containsExactlyInAnyOrder(
            "click2call-host.exe",
            "click2call-hook.exe",
            "click2call.jar",
            "jvm.options",
            "jnidispatch.dll",
            HOST + ".chromium.json",
            HOST + ".gecko.json",
            "LICENSE.txt",
            "THIRD-PARTY-NOTICES.md");

    // EXTENSION_IDS: a deferred, elevated run of the installed launcher rewrites the manifests
    // with the organisation's ids, between the files and the end of the install script.
    assertThat(table(msi, "CustomAction"))
        .contains(
            List.of(
                "OrganisationIds",
                "3090",
                "HostLauncher",
                "install --stage \"[INSTALLDIR].\" --launcher click2call-host.exe --extension-id"
                    + " \"[EXTENSION_IDS]\"",
                ""));
    Map<String, Integer> sequence = new java.util.HashMap<>();
    table(msi, "InstallExecuteSequence")
        .forEach(row -> sequence.put(row.get(0), Integer.parseInt(row.get(2))));
    assertThat(sequence.get("OrganisationIds"))
        .isGreaterThan(sequence.get("InstallFiles"))
        .isLessThan(sequence.get("InstallFinalize"));
    assertThat(table(msi, "InstallExecuteSequence"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .containsExactly(
                        "OrganisationIds", "EXTENSION_IDS AND NOT REMOVE~=\"ALL\"", "6500"));

    // The shipped manifests point at the launcher beside them and carry the project's ids.
    Path extracted = Files.createDirectories(temp.resolve("extracted"));
    run(extracted, "msiextract", "-C", extracted.toString(), msi.toString());
    Path chromium = find(extracted, HOST + ".chromium.json");
    Map<String, Object> manifest = JSON.std.mapFrom(Files.readString(chromium));
    assertThat(manifest.get("name")).isEqualTo(HOST);
    assertThat(manifest.get("path")).isEqualTo("click2call-host.exe");
    assertThat(manifest.get("allowed_origins")).isEqualTo(ExtensionIds.bundled().chromiumOrigins());
    Map<String, Object> gecko =
        JSON.std.mapFrom(Files.readString(find(extracted, HOST + ".gecko.json")));
    assertThat(gecko.get("allowed_extensions")).isEqualTo(ExtensionIds.bundled().gecko());
    assertThat(find(extracted, "click2call.jar")).hasSameBinaryContentAs(jar);
    assertThat(find(extracted, "click2call-hook.exe"))
        .hasSameBinaryContentAs(repo.resolve("target/native/windows/click2call-hook.exe"));
  }

  private static Path find(Path root, String name) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError(name + " is not in the MSI"));
    }
  }
}
