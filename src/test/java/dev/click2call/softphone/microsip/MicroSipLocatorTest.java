package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.platform.FakeWindowTree;
import dev.click2call.platform.FileVersions;
import dev.click2call.platform.InstalledProducts;
import dev.click2call.platform.Os;
import dev.click2call.platform.ProcessStarter;
import dev.click2call.platform.Registry;
import dev.click2call.platform.Win32;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MicroSipLocatorTest {
  private final Map<String, String> registry = new HashMap<>();
  private final Map<String, String> env =
      new HashMap<>(
          Map.of(
              "LOCALAPPDATA", "C:\\Users\\ann\\AppData\\Local",
              "APPDATA", "C:\\Users\\ann\\AppData\\Roaming",
              "ProgramFiles(x86)", "C:\\Program Files (x86)",
              "ProgramFiles", "C:\\Program Files"));

  private final Registry memoryRegistry =
      (hive, key, value, view) ->
          Optional.ofNullable(registry.get(hive + "\\" + key + "\\" + value + "@" + view));

  private Optional<String> msiLocation = Optional.empty();

  private MicroSipLocator locator(Set<String> files, long windowPid, String image) {
    FakeWindowTree tree = new FakeWindowTree();
    if (windowPid > 0) {
      tree.startMicroSip(windowPid, image, "Desk");
    }
    Win32 win32 =
        new Win32(
            tree,
            memoryRegistry,
            tree,
            ProcessStarter.JDK,
            name -> name.equals("MicroSIP") ? msiLocation : Optional.empty(),
            FileVersions.NONE,
            null);
    return new MicroSipLocator(Os.WINDOWS, env, MicroSipSettings.none(), win32, files::contains);
  }

  @Test
  void searchOrderIsRegistryThenWindowThenFolders() {
    registry.put("HKCU\\Software\\MicroSIP\\@DEFAULT", "D:\\User\\MicroSIP");
    registry.put("HKLM\\Software\\MicroSIP\\@WOW64_32", "D:\\M32");
    registry.put("HKLM\\Software\\MicroSIP\\@WOW64_64", "D:\\M64");
    assertThat(locator(Set.of(), 42, "E:\\Run\\microsip.exe").candidates())
        .containsExactly(
            "D:\\User\\MicroSIP\\microsip.exe",
            "D:\\M32\\microsip.exe",
            "D:\\M64\\microsip.exe",
            "E:\\Run\\microsip.exe",
            "C:\\Users\\ann\\AppData\\Local\\MicroSIP\\microsip.exe",
            "C:\\Program Files (x86)\\MicroSIP\\microsip.exe",
            "C:\\Program Files\\MicroSIP\\microsip.exe");
  }

  @Test
  void theFirstExistingCandidateWinsAndInstalledModeUsesAppData() {
    registry.put("HKLM\\Software\\MicroSIP\\@WOW64_32", "C:\\Program Files (x86)\\MicroSIP");
    MicroSipInstall found =
        locator(Set.of("C:\\Program Files (x86)\\MicroSIP\\microsip.exe"), -1, null)
            .locate()
            .orElseThrow();
    assertThat(found.exe()).isEqualTo("C:\\Program Files (x86)\\MicroSIP\\microsip.exe");
    assertThat(found.ini().toString())
        .isEqualTo("C:\\Users\\ann\\AppData\\Roaming\\MicroSIP\\microsip.ini");
  }

  @Test
  void portableModeKeepsTheIniNextToTheExeNamedAfterIt() {
    registry.put("HKCU\\Software\\MicroSIP\\@DEFAULT", "C:\\Users\\ann\\AppData\\Local\\MicroSIP");
    assertThat(
            IniLocation.iniFor(
                "D:\\Portable\\Phone.exe",
                IniLocation.installFolder(memoryRegistry, InstalledProducts.NONE, "D:\\Portable"),
                env.get("APPDATA")))
        .isEqualTo("D:\\Portable\\Phone.ini");
    assertThat(
            IniLocation.iniFor(
                "c:\\users\\ANN\\appdata\\local\\microsip\\microsip.exe",
                IniLocation.installFolder(
                    memoryRegistry,
                    InstalledProducts.NONE,
                    "c:\\users\\ANN\\appdata\\local\\microsip"),
                env.get("APPDATA")))
        .isEqualTo("C:\\Users\\ann\\AppData\\Roaming\\MicroSIP\\microsip.ini");
  }

  /** Defect 11.8: MicroSIP falls back to its MSI product's InstallLocation; so must we. */
  @Test
  void anMsiInstallIsInstalledModeLikeMicroSipDecides() {
    msiLocation = Optional.of("C:\\Program Files (x86)\\MicroSIP\\");
    MicroSipInstall found =
        locator(Set.of("C:\\Program Files (x86)\\MicroSIP\\microsip.exe"), -1, null)
            .locate()
            .orElseThrow();
    assertThat(found.ini().toString())
        .isEqualTo("C:\\Users\\ann\\AppData\\Roaming\\MicroSIP\\microsip.ini");
  }

  /** Defect 11.8: the 32-bit MicroSIP never reads HKLM's 64-bit view; it stays portable. */
  @Test
  void aValueOnlyInTheSixtyFourBitViewDoesNotMakeItInstalled() {
    registry.put("HKLM\\Software\\MicroSIP\\@WOW64_64", "C:\\Program Files\\MicroSIP");
    MicroSipInstall found =
        locator(Set.of("C:\\Program Files\\MicroSIP\\microsip.exe"), -1, null)
            .locate()
            .orElseThrow();
    assertThat(found.ini().toString()).isEqualTo("C:\\Program Files\\MicroSIP\\microsip.ini");
  }

  /** MicroSIP compares the registered folder exactly (no trailing backslash trimmed). */
  @Test
  void aRegisteredFolderWithATrailingBackslashDoesNotMatchAsInMicroSip() {
    registry.put("HKCU\\Software\\MicroSIP\\@DEFAULT", "D:\\MicroSIP\\");
    assertThat(
            IniLocation.iniFor(
                "D:\\MicroSIP\\microsip.exe",
                IniLocation.installFolder(memoryRegistry, InstalledProducts.NONE, "D:\\MicroSIP"),
                env.get("APPDATA")))
        .isEqualTo("D:\\MicroSIP\\microsip.ini");
  }

  @Test
  void environmentWinsAndMayBeAnArgumentList() {
    env.put(MicroSipLocator.ENV, "[\"wine\", \"C:\\\\MicroSIP\\\\microsip.exe\"]");
    MicroSipLocator linux =
        new MicroSipLocator(
            Os.LINUX,
            env,
            new MicroSipSettings(List.of(), "/home/ann/.wine/microsip.ini", null),
            Win32.forOs(Os.LINUX),
            f -> false);
    MicroSipInstall found = linux.locate().orElseThrow();
    assertThat(found.command()).containsExactly("wine", "C:\\MicroSIP\\microsip.exe");
    assertThat(found.ini()).isEqualTo(Path.of("/home/ann/.wine/microsip.ini"));
  }

  @Test
  void offWindowsItIsPortableAndOnlyFoundWhenConfigured() {
    MicroSipLocator none =
        new MicroSipLocator(
            Os.LINUX, Map.of(), MicroSipSettings.none(), Win32.forOs(Os.LINUX), f -> true);
    assertThat(none.locate()).isEmpty();
    MicroSipLocator set =
        new MicroSipLocator(
            Os.LINUX,
            Map.of(),
            new MicroSipSettings(List.of("/opt/ms/microsip"), null, null),
            Win32.forOs(Os.LINUX),
            f -> true);
    assertThat(set.locate().orElseThrow().ini()).isEqualTo(Path.of("/opt/ms/microsip.ini"));
  }
}
