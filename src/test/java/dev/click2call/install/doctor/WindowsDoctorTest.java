package dev.click2call.install.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.Fixtures;
import dev.click2call.install.InMemoryRegistry;
import dev.click2call.install.InstallEnvironment;
import dev.click2call.install.Installer;
import dev.click2call.install.Launcher;
import dev.click2call.install.RegistryHive;
import dev.click2call.install.RegistryView;
import dev.click2call.install.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor on a Windows computer: an in-memory registry searched in the browsers' order; the
 * launchers are real programs of this machine.
 */
class WindowsDoctorTest {
  private static final String CHROME_KEY =
      "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\click2call.host";
  private static final String CHROME_POLICY = "SOFTWARE\\Policies\\Google\\Chrome";

  @TempDir Path temp;

  private final ExtensionIds ids = ExtensionIds.bundled();
  private final InMemoryRegistry registry = new InMemoryRegistry();

  private InstallEnvironment env() throws Exception {
    return Fixtures.windows(temp, registry);
  }

  private Section check(Browser browser) throws Exception {
    return new Doctor(new BrowserTable(env()), ids, List.of(DoctorTest.MICROSIP_OK))
        .run(List.of(browser), true, Optional.empty())
        .section(browser.id());
  }

  private void install(Browser browser, Path launcher, Scope scope) throws Exception {
    Installer installer = new Installer(new BrowserTable(env()), ids);
    installer.apply(
        installer.planInstall(
            List.of(browser), scope, Optional.empty(), Launcher.existing(launcher)),
        false);
  }

  private List<Finding> failures(Section section) {
    return section.findings().stream().filter(f -> f.status() == Finding.Status.FAIL).toList();
  }

  @Test
  void aUserInstallIsFoundUnderHkcuAndAnswers() throws Exception {
    install(Browser.EDGE, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    Section edge = check(Browser.EDGE);
    assertThat(failures(edge)).isEmpty();
    assertThat(edge.findings().get(0).message())
        .startsWith("HKCU\\SOFTWARE\\Microsoft\\Edge\\NativeMessagingHosts\\click2call.host")
        .endsWith("found; this is the one the browser uses");
  }

  @Test
  void aKeyPointingAtAMissingFileIsAStaleInstall() throws Exception {
    registry.put(
        RegistryHive.HKCU,
        RegistryView.BITS_64,
        CHROME_KEY,
        "",
        temp.resolve("old/click2call.host.chromium.json").toString());
    Finding failure = failures(check(Browser.CHROME)).get(0);
    assertThat(failure.message()).contains("which does not exist (a stale install?)");
    assertThat(failure.fixable()).isTrue();
  }

  @Test
  void aRelativeRegistryValueIsReported() throws Exception {
    registry.put(RegistryHive.HKCU, RegistryView.BITS_64, CHROME_KEY, "", "click2call.host.json");
    assertThat(failures(check(Browser.CHROME)).get(0).message())
        .contains("is not an absolute path");
  }

  @Test
  void anOld32BitMachineKeyShadowsAGood64BitOne() throws Exception {
    install(Browser.CHROME, Fixtures.workingLauncher(temp.resolve("app")), Scope.SYSTEM);
    // A 32-bit installer left an HKLM\WOW6432Node key behind: Chrome reads it first.
    registry.put(
        RegistryHive.HKLM,
        RegistryView.BITS_32,
        CHROME_KEY,
        "",
        temp.resolve("gone.json").toString());
    Section chrome = check(Browser.CHROME);
    assertThat(failures(chrome)).hasSize(1);
    assertThat(failures(chrome).get(0).message()).contains("gone.json");
    assertThat(chrome.findings())
        .anySatisfy(
            f -> assertThat(f.message()).contains("(64-bit view): also present, but not used"));
  }

  @Test
  void hkcuIsSkippedWhenUserLevelHostsAreDisabled() throws Exception {
    install(Browser.CHROME, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    registry.put(
        RegistryHive.HKLM, RegistryView.BITS_64, CHROME_POLICY, "NativeMessagingUserLevelHosts", 0);
    Finding failure = failures(check(Browser.CHROME)).get(0);
    assertThat(failure.message()).contains("no host manifest is registered");
    assertThat(failure.fix()).contains("--scope system");
  }

  @Test
  void blocklistAndAllowlistAreReadFromNumberedValues() throws Exception {
    install(Browser.CHROME, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    registry.put(
        RegistryHive.HKLM,
        RegistryView.BITS_64,
        CHROME_POLICY + "\\NativeMessagingBlocklist",
        "1",
        "*");
    assertThat(failures(check(Browser.CHROME)).get(0).message()).contains("blocks click2call.host");
    registry.put(
        RegistryHive.HKLM,
        RegistryView.BITS_64,
        CHROME_POLICY + "\\NativeMessagingAllowlist",
        "1",
        "other.host");
    registry.put(
        RegistryHive.HKLM,
        RegistryView.BITS_64,
        CHROME_POLICY + "\\NativeMessagingAllowlist",
        "2",
        "click2call.host");
    assertThat(failures(check(Browser.CHROME))).isEmpty();
  }

  @Test
  void disabledCmdBreaksABatLauncherButNotAnExeLaunchedDirectly() throws Exception {
    registry.put(
        RegistryHive.HKCU,
        RegistryView.BITS_64,
        "SOFTWARE\\Policies\\Microsoft\\Windows\\System",
        "DisableCMD",
        1);
    Path bat = Fixtures.workingLauncher(temp.resolve("bat"));
    Path batNamed = bat.resolveSibling("click2call-host.bat");
    Files.move(bat, batNamed);
    install(Browser.CHROME, batNamed, Scope.USER);
    Finding failure = failures(check(Browser.CHROME)).get(0);
    assertThat(failure.message()).contains("cmd.exe is disabled by policy (DisableCMD=1)");
    assertThat(failure.fix())
        .contains("click2call.exe")
        .contains("NativeHostsExecutablesLaunchDirectly");

    Path exe = Fixtures.workingLauncher(temp.resolve("exe"));
    Path exeNamed = exe.resolveSibling("click2call.exe");
    Files.move(exe, exeNamed);
    install(Browser.CHROME, exeNamed, Scope.USER);
    assertThat(failures(check(Browser.CHROME)).get(0).fix())
        .startsWith("set the browser policy NativeHostsExecutablesLaunchDirectly=1");
    registry.put(
        RegistryHive.HKLM,
        RegistryView.BITS_64,
        CHROME_POLICY,
        "NativeHostsExecutablesLaunchDirectly",
        1);
    assertThat(failures(check(Browser.CHROME))).isEmpty();
  }

  @Test
  void firefoxFindsAMachineInstallInThe32BitViewFirst() throws Exception {
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    install(Browser.FIREFOX, launcher, Scope.SYSTEM);
    String manifest = temp.resolve("app/click2call.host.gecko.json").toString();
    registry.put(
        RegistryHive.HKLM,
        RegistryView.BITS_32,
        "SOFTWARE\\Mozilla\\NativeMessagingHosts\\click2call.host",
        "",
        manifest);
    Section firefox = check(Browser.FIREFOX);
    assertThat(failures(firefox)).isEmpty();
    assertThat(firefox.findings().get(1).message())
        .contains("(32-bit view): found; this is the one the browser uses");
  }
}
