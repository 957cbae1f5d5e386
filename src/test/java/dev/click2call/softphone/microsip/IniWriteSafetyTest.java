package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.platform.Os;
import dev.click2call.platform.Win32;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning never leaves a password where it should not be (issue 11.11, issue 17.13). */
class IniWriteSafetyTest {
  private static final String PASSWORD = "s3cret-Plain!";

  @TempDir Path dir;

  private Provisioner provisioner(Path folder) {
    MicroSipControl control =
        new MicroSipControl(
            new MicroSipInstall(
                List.of(folder.resolve("microsip").toString()),
                folder.resolve("microsip.ini"),
                "test"),
            Win32.forOs(Os.LINUX),
            Os.LINUX);
    return new Provisioner(control);
  }

  private static AccountSpec account(String server, String password) {
    return new AccountSpec(server, null, null, "1001", null, password, null, null, null);
  }

  private static String everything(Path folder) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().equals("microsip.ini")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        all.append(new String(bytes, StandardCharsets.UTF_16LE))
            .append(new String(bytes, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /**
   * Defect 11.11: edited twice before MicroSIP encrypts the password, the backup of the first edit
   * kept it in plaintext (and it roams with %APPDATA%).
   */
  @Test
  void noBackupKeepsAPassword() throws Exception {
    Files.createDirectories(dir.resolve("ms"));
    Path folder = dir.resolve("ms");
    provisioner(folder).provision(account("sip.example.com", PASSWORD), 1, true);
    provisioner(folder).provision(account("sip2.example.com", "other-" + PASSWORD), 2, false);
    assertThat(folder.resolve("microsip.ini.bak")).exists();
    String backup =
        new String(
            Files.readAllBytes(folder.resolve("microsip.ini.bak")), StandardCharsets.UTF_16LE);
    assertThat(backup).contains("server=sip.example.com").doesNotContainIgnoringCase("password");
    assertThat(everything(folder)).doesNotContain(PASSWORD);
    // The ini itself has both (MicroSIP encrypts them on its next start).
    MicroSipIni ini = MicroSipIni.load(folder.resolve("microsip.ini"));
    assertThat(ini.get("Account1", "password")).contains(PASSWORD);
    assertThat(ini.get("Account2", "password")).contains("other-" + PASSWORD);
  }

  /**
   * Finding 17.13: in a shared folder another user plants a link at the temporary file's name; the
   * plaintext password must not be written through it into a file of the attacker's choice.
   */
  @Test
  void aLinkPlantedAtTheTemporaryNameIsNeverFollowed() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-rw-rw-"));
    for (String name :
        List.of(".microsip.ini.click2call.tmp", ".microsip.ini.bak.click2call.tmp")) {
      plantLink(shared.resolve(name), victim);
    }
    provisioner(shared).provision(account("sip.example.com", PASSWORD), 1, true);
    assertThat(Files.readString(victim)).isEqualTo("untouched");
    provisioner(shared).provision(account("sip.example.com", PASSWORD), 1, true); // with a .bak
    assertThat(Files.readString(victim)).isEqualTo("untouched");
    assertThat(MicroSipIni.load(shared.resolve("microsip.ini")).get("Account1", "password"))
        .contains(PASSWORD);
    if (isPosix()) {
      assertThat(Files.getPosixFilePermissions(shared.resolve("microsip.ini")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** As another user (nobody) when running as root, else as ourselves. */
  private static void plantLink(Path link, Path target) throws Exception {
    if ("root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      Process p =
          new ProcessBuilder(
                  "/usr/bin/setpriv",
                  "--reuid",
                  "nobody",
                  "--regid",
                  "nogroup",
                  "--clear-groups",
                  "ln",
                  "-s",
                  target.toString(),
                  link.toString())
              .redirectErrorStream(true)
              .start();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      if (p.exitValue() == 0) {
        assertThat(Files.getOwner(link, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName())
            .isEqualTo("nobody");
        return;
      }
    }
    Files.createSymbolicLink(link, target);
  }

  private static boolean isPosix() {
    return Path.of(".").getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Defect 11.8: an ini without BOM is in the system's ANSI code page, not always 1252. */
  @Test
  void anAnsiIniIsReadInTheSystemsAnsiCodePage() throws Exception {
    Charset cp1251 = Charset.forName("windows-1251");
    byte[] bytes = "[Account1]\r\nlabel=Отдел продаж\r\n".getBytes(cp1251);
    Charset ansi = MicroSipIni.ansiCodePage(Os.WINDOWS, "Cp1251");
    assertThat(MicroSipIni.parse(dir, MicroSipIni.decode(bytes, ansi)).get("Account1", "label"))
        .contains("Отдел продаж");
    assertThat(MicroSipIni.ansiCodePage(Os.WINDOWS, "Cp1252"))
        .isEqualTo(Charset.forName("windows-1252"));
    assertThat(MicroSipIni.ansiCodePage(Os.LINUX, "UTF-8"))
        .isEqualTo(Charset.forName("windows-1252"));
  }
}
