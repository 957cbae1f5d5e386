package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.platform.Os;
import dev.click2call.platform.ProcessImages;
import dev.click2call.platform.Registry;
import dev.click2call.platform.Win32;
import dev.click2call.platform.WindowMessenger;
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

  private WindowMessenger windowOf(long pid) {
    return new FakeWindows(pid);
  }

  private MicroSipLocator locator(Set<String> files, long windowPid, String image) {
    ProcessImages images = pid -> pid == windowPid ? Optional.of(image) : Optional.empty();
    Win32 win32 = new Win32(windowOf(windowPid), memoryRegistry, images);
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
                IniLocation.registeredInstallFolder(memoryRegistry),
                env.get("APPDATA")))
        .isEqualTo("D:\\Portable\\Phone.ini");
    assertThat(
            IniLocation.iniFor(
                "c:\\users\\ANN\\appdata\\local\\microsip\\microsip.exe",
                IniLocation.registeredInstallFolder(memoryRegistry),
                env.get("APPDATA")))
        .isEqualTo("C:\\Users\\ann\\AppData\\Roaming\\MicroSIP\\microsip.ini");
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

  /** One MicroSIP window owned by a given process. */
  private record FakeWindows(long pid) implements WindowMessenger {
    @Override
    public Optional<Window> findByClass(String windowClass) {
      return pid > 0 && windowClass.equals("MicroSIP")
          ? Optional.of(new Window(7))
          : Optional.empty();
    }

    @Override
    public long processOf(Window window) {
      return pid;
    }

    @Override
    public Optional<Window> findChild(Window parent, String windowClass) {
      return Optional.empty();
    }

    @Override
    public String text(Window window) {
      return "";
    }

    @Override
    public List<Window> topLevelWindowsOf(long owner) {
      return List.of();
    }

    @Override
    public boolean sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis) {
      return false;
    }
  }
}
