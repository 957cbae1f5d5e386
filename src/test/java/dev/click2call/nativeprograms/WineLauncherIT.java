package dev.click2call.nativeprograms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.install.JvmOptions;
import dev.click2call.testing.WinePrefix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * click2call-host.exe under Wine with a stand-in java.exe (src/test/c/fake_java.c) that records its
 * command line and working folder, echoes standard input and exits with 7: the launcher finds a
 * runtime by each rule, passes jvm.options, the archive, the jar and the browser's arguments,
 * passes the standard handles through, and survives a non-ASCII install folder.
 */
class WineLauncherIT {
  private static final String ORIGIN = "chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/";
  private static WinePrefix wine;

  @BeforeAll
  static void prefix() throws Exception {
    wine = WinePrefix.create("launcher");
  }

  @AfterAll
  static void end() throws Exception {
    if (wine != null) {
      wine.close();
    }
  }

  /** An install folder: launcher, jar, jvm.options, archive; a runtime\ when asked. */
  private static Path install(String windowsFolder, boolean runtime) throws Exception {
    Path dir = Files.createDirectories(wine.linuxPath(windowsFolder));
    Files.copy(
        WineHookIT.native_("windows/click2call-host.exe"),
        dir.resolve("click2call-host.exe"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("click2call.jar"), "not a jar: java is a stand-in");
    Files.writeString(dir.resolve("click2call.jsa"), "archive");
    Files.copy(
        Path.of("src/main/resources/dev/click2call/jvm.options"),
        dir.resolve("jvm.options"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (runtime) {
      javaHome(dir.resolve("runtime"), "17.0.9");
    }
    return dir;
  }

  /** A fake runtime: bin\java.exe and a release file. */
  private static Path javaHome(Path home, String version) throws Exception {
    Files.createDirectories(home.resolve("bin"));
    Files.copy(
        WineHookIT.native_("test-windows/fake-java.exe"),
        home.resolve("bin/java.exe"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Files.deleteIfExists(home.resolve("record.txt"));
    return home;
  }

  private static WinePrefix.Result launch(Path dir, Map<String, String> env, byte[] stdin)
      throws Exception {
    return wine.run(
        List.of(wine.windowsPath(dir.resolve("click2call-host.exe")), ORIGIN, "--parent-window=0"),
        env,
        stdin,
        false,
        120);
  }

  private static String record(Path home) throws Exception {
    Path record = home.resolve("record.txt");
    assertThat(record).as("the launcher ran " + home + "\\bin\\java.exe").exists();
    return Files.readString(record, StandardCharsets.UTF_8);
  }

  @Test
  void runsTheBundledRuntimeWithTheOptionsTheJarAndTheBrowsersHandles() throws Exception {
    Path dir = install("C:\\Program Files\\Click2Call", true);
    byte[] frame = {5, 0, 0, 0, '{', '}', '\r', '\n', 0};
    WinePrefix.Result result = launch(dir, Map.of(), frame);
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(7);
    assertThat(result.stdout())
        .as("stdin reaches java and its stdout the browser")
        .isEqualTo(frame);
    assertThat(result.stderr()).contains("fake-java-stderr");
    String windowsDir = "C:\\Program Files\\Click2Call";
    String expected =
        "\""
            + windowsDir
            + "\\runtime\\bin\\java.exe\" "
            + String.join(" ", JvmOptions.withoutArchive().subList(0, 2))
            + " \"-XX:SharedArchiveFile="
            + windowsDir
            + "\\click2call.jsa\" "
            + String.join(
                " ", JvmOptions.withoutArchive().subList(2, JvmOptions.withoutArchive().size()))
            + " -cp \""
            + windowsDir
            + "\\click2call.jar\" dev.click2call.Main "
            + ORIGIN
            + " --parent-window=0";
    assertThat(record(dir.resolve("runtime"))).startsWith("cmdline=" + expected + "\n");
  }

  @Test
  void findsARuntimeByEachRegistryRuleThenJavaHome() throws Exception {
    Path dir = install("C:\\Click2Call-registry", false);
    record Rule(String vendor, String key, String versionKey, String value) {}
    List<Rule> rules =
        List.of(
            new Rule(
                "Temurin", "SOFTWARE\\Eclipse Adoptium\\JRE", "17.0.9.9\\hotspot\\MSI", "Path"),
            new Rule("Microsoft", "SOFTWARE\\Microsoft\\JDK", "21.0.1.12\\hotspot\\MSI", "Path"),
            new Rule("Zulu", "SOFTWARE\\Azul Systems\\Zulu", "zulu-17", "InstallationPath"),
            new Rule("JavaSoft", "SOFTWARE\\JavaSoft\\JDK", "17.0.2", "JavaHome"));
    for (Rule rule : rules) {
      Path home = javaHome(wine.driveC().resolve("jdks/" + rule.vendor()), "17.0.9");
      String reg = "HKEY_LOCAL_MACHINE\\" + rule.key() + "\\" + rule.versionKey();
      wine.importRegistry(
          "["
              + reg
              + "]\n\""
              + rule.value()
              + "\"=\""
              + wine.windowsPath(home).replace("\\", "\\\\")
              + "\\\\\"\n");
      // An older runtime the rule must pass over.
      javaHome(wine.driveC().resolve("jdks/old"), "1.8.0_392");
      wine.importRegistry(
          "[HKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\JRE\\1.8]\n\"JavaHome\"=\"C:\\\\jdks\\\\old\"\n");
      WinePrefix.Result result = launch(dir, Map.of(), new byte[0]);
      assertThat(result.exitCode()).as(rule.vendor() + result.stderr()).isEqualTo(7);
      assertThat(record(home)).contains(wine.windowsPath(home) + "\\bin\\java.exe");
      wine.importRegistry("[-HKEY_LOCAL_MACHINE\\" + rule.key() + "]\n");
      Files.delete(home.resolve("record.txt"));
    }
    // Within a vendor the newest wins.
    Path older = javaHome(wine.driveC().resolve("jdks/t17"), "17.0.2");
    Path newer = javaHome(wine.driveC().resolve("jdks/t21"), "21.0.1");
    wine.importRegistry(
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Eclipse Adoptium\\JDK\\17.0.2.8\\hotspot\\MSI]\n"
            + "\"Path\"=\"C:\\\\jdks\\\\t17\\\\\"\n"
            + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Eclipse Adoptium\\JDK\\21.0.1.12\\hotspot\\MSI]\n"
            + "\"Path\"=\"C:\\\\jdks\\\\t21\\\\\"\n");
    assertThat(launch(dir, Map.of(), new byte[0]).exitCode()).isEqualTo(7);
    assertThat(newer.resolve("record.txt")).exists();
    assertThat(older.resolve("record.txt")).doesNotExist();
    wine.importRegistry("[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Eclipse Adoptium]\n");

    // JAVA_HOME last: a Java 8 there is refused with one clear line.
    Path java8 = javaHome(wine.driveC().resolve("jdks/java8"), "1.8.0_392");
    WinePrefix.Result refused =
        launch(dir, Map.of("JAVA_HOME", wine.windowsPath(java8)), new byte[0]);
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.stdout()).isEmpty();
    assertThat(refused.stderr())
        .contains("click2call-host: no Java 17 or later found")
        .contains("Eclipse Temurin 17");
    assertThat(java8.resolve("record.txt")).doesNotExist();
    Path java17 = javaHome(wine.driveC().resolve("jdks/home17"), "17.0.1");
    assertThat(launch(dir, Map.of("JAVA_HOME", wine.windowsPath(java17)), new byte[0]).exitCode())
        .isEqualTo(7);
    assertThat(record(java17)).contains("dev.click2call.Main " + ORIGIN);
  }

  @Test
  void survivesANonAsciiInstallFolder() throws Exception {
    String windowsDir = "C:\\Users\\Jürgen Ψ 試\\Click2Call";
    Path dir = install(windowsDir, true);
    WinePrefix.Result result = launch(dir, Map.of(), "x".getBytes(StandardCharsets.UTF_8));
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(7);
    assertThat(result.out()).isEqualTo("x");
    String record = record(dir.resolve("runtime"));
    // Paths java.exe would read in the ANSI code page go relative to its working folder.
    assertThat(record)
        .contains(" -cp click2call.jar dev.click2call.Main " + ORIGIN + " --parent-window=0\n")
        .contains("-XX:SharedArchiveFile=click2call.jsa")
        .contains("\ncwd=" + windowsDir + "\n");
  }

  @Test
  void whichJavaTellsWhatABrowserStartWouldRun() throws Exception {
    Path dir = install("C:\\Click2Call-which", true);
    WinePrefix.Result result =
        wine.run(
            List.of(wine.windowsPath(dir.resolve("click2call-host.exe")), "--which-java"),
            Map.of(),
            null,
            false,
            60);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo("runtime\t" + wine.windowsPath(dir) + "\\runtime\\bin\\java.exe\n");
  }
}
