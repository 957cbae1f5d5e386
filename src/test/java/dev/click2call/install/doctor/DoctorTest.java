package dev.click2call.install.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.Fixtures;
import dev.click2call.install.InstallEnvironment;
import dev.click2call.install.Installer;
import dev.click2call.install.Launcher;
import dev.click2call.install.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor against one fixture per failure mode: the right diagnosis and the right fix. */
class DoctorTest {
  @TempDir Path temp;

  private final ExtensionIds ids = ExtensionIds.bundled();

  static final SoftphoneCheck MICROSIP_OK =
      () ->
          new SoftphoneStatus(
              "MicroSIP",
              true,
              "C:\\MicroSIP\\microsip.exe",
              "C:\\MicroSIP\\microsip.ini",
              true,
              null,
              null);

  private DoctorReport doctor(InstallEnvironment env, Browser browser, SoftphoneCheck softphone)
      throws Exception {
    return new Doctor(new BrowserTable(env), ids, List.of(softphone))
        .run(List.of(browser), true, Optional.empty());
  }

  private DoctorReport doctor(InstallEnvironment env, Browser browser) throws Exception {
    return doctor(env, browser, MICROSIP_OK);
  }

  private void install(InstallEnvironment env, Browser browser, Path launcher, Scope scope)
      throws Exception {
    Installer installer = new Installer(new BrowserTable(env), ids);
    installer.apply(
        installer.planInstall(
            List.of(browser), scope, Optional.empty(), Launcher.existing(launcher)),
        false);
  }

  private static Finding onlyFailure(Section section) {
    List<Finding> failures =
        section.findings().stream().filter(f -> f.status() == Finding.Status.FAIL).toList();
    assertThat(failures).as(section.findings().toString()).hasSize(1);
    return failures.get(0);
  }

  private Path userManifest(InstallEnvironment env) {
    return env.home().resolve(".config/google-chrome/NativeMessagingHosts/click2call.host.json");
  }

  @Test
  void aWorkingInstallPassesWithARealFramedHelloAndExitsZero() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    install(env, Browser.FIREFOX, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    DoctorReport report = doctor(env, Browser.FIREFOX);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.section("firefox").findings())
        .anySatisfy(f -> assertThat(f.message()).contains("answered a framed hello"));
  }

  @Test
  void nothingRegisteredSaysWhereItLookedAndHowToInstall() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Section chrome = doctor(env, Browser.CHROME).section("chrome");
    Finding failure = onlyFailure(chrome);
    assertThat(failure.message()).contains("no host manifest is registered");
    assertThat(failure.fix()).isEqualTo("run: click2call install --browser chrome");
    assertThat(failure.fixable()).isTrue();
    assertThat(chrome.findings())
        .anySatisfy(
            f ->
                assertThat(f.message())
                    .contains("/etc/opt/chrome/native-messaging-hosts")
                    .endsWith("nothing"));
  }

  @Test
  void invalidJsonIsReported() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Files.createDirectories(userManifest(env).getParent());
    Files.writeString(userManifest(env), "{\"name\": \"click2call.host\",");
    Finding failure = onlyFailure(doctor(env, Browser.CHROME).section("chrome"));
    assertThat(failure.message()).contains("not valid JSON");
    assertThat(failure.fix()).contains("click2call install --browser chrome");
  }

  @Test
  void wrongNameWrongTypeAndForeignIdsAreEachReported() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    Files.createDirectories(userManifest(env).getParent());
    Files.writeString(
        userManifest(env),
        "{\"name\":\"other.host\",\"path\":\""
            + launcher
            + "\",\"type\":\"pipe\",\"allowed_origins\":[\"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/\"]}");
    List<String> failures =
        doctor(env, Browser.CHROME).section("chrome").findings().stream()
            .filter(f -> f.status() == Finding.Status.FAIL)
            .map(Finding::message)
            .toList();
    assertThat(failures).hasSize(3);
    assertThat(failures.get(0)).contains("\"name\" is \"other.host\"");
    assertThat(failures.get(1)).contains("\"type\" is \"pipe\"");
    assertThat(failures.get(2)).contains("allowed_origins").contains(ids.chromiumOrigins().get(0));
  }

  @Test
  void aGeckoManifestInAChromiumFolderIsCalledOut() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    Files.createDirectories(userManifest(env).getParent());
    Files.writeString(
        userManifest(env),
        "{\"name\":\"click2call.host\",\"path\":\""
            + launcher
            + "\",\"type\":\"stdio\","
            + "\"allowed_extensions\":[\"click2call@click2call.dev\"]}");
    assertThat(onlyFailure(doctor(env, Browser.CHROME).section("chrome")).message())
        .contains("\"allowed_origins\" is missing");
  }

  @Test
  void aMovedLauncherIsAStaleInstall() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    install(env, Browser.CHROME, launcher, Scope.USER);
    Files.delete(launcher);
    Finding failure = onlyFailure(doctor(env, Browser.CHROME).section("chrome"));
    assertThat(failure.message()).contains("the launcher " + launcher + " does not exist");
    assertThat(failure.fixable()).isTrue();
  }

  @Test
  void aLauncherWithoutExecutePermissionIsReported() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    install(env, Browser.CHROME, launcher, Scope.USER);
    Files.setPosixFilePermissions(
        launcher, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(onlyFailure(doctor(env, Browser.CHROME).section("chrome")).message())
        .contains("is not executable");
  }

  @Test
  void aLauncherThatWritesToStandardOutputCorruptsTheStream() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Path launcher =
        Fixtures.script(
            temp.resolve("app/click2call-host"), "echo 'Picked up JAVA_TOOL_OPTIONS'; sleep 5");
    install(env, Browser.CHROME, launcher, Scope.USER);
    Finding failure = onlyFailure(doctor(env, Browser.CHROME).section("chrome"));
    assertThat(failure.message()).contains("does not work").contains("standard output is corrupt");
    assertThat(failure.fix()).contains("click2call selftest --launcher " + launcher);
  }

  @Test
  void aLauncherThatDiesQuotesItsLastWords() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Path launcher =
        Fixtures.script(
            temp.resolve("app/click2call-host"),
            "echo '/opt/jdk/bin/java: not found' >&2; exit 127");
    install(env, Browser.CHROME, launcher, Scope.USER);
    Finding failure = onlyFailure(doctor(env, Browser.CHROME).section("chrome"));
    assertThat(failure.message())
        .contains("no reply")
        .contains("exit status 127")
        .contains("stderr: /opt/jdk/bin/java: not found");
  }

  @Test
  void userLevelHostsDisabledByPolicyNeedsASystemInstall() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    install(env, Browser.CHROME, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    Path policies = Files.createDirectories(env.system("/etc/opt/chrome/policies/managed"));
    Files.writeString(
        policies.resolve("lockdown.json"), "{\"NativeMessagingUserLevelHosts\": false}");
    Section chrome = doctor(env, Browser.CHROME).section("chrome");
    Finding failure = onlyFailure(chrome);
    assertThat(failure.message()).contains("no host manifest is registered");
    assertThat(failure.fix()).contains("--scope system");
    assertThat(chrome.findings())
        .anySatisfy(
            f -> assertThat(f.message()).contains("skipped (policy NativeMessagingUserLevelHosts"));

    install(env, Browser.CHROME, Fixtures.workingLauncher(temp.resolve("app")), Scope.SYSTEM);
    assertThat(doctor(env, Browser.CHROME).section("chrome").failed()).isFalse();
  }

  @Test
  void aBlocklistBlocksUnlessTheAllowlistNamesTheHost() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    install(env, Browser.CHROMIUM, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    Path policies = Files.createDirectories(env.system("/etc/chromium/policies/managed"));
    Files.writeString(policies.resolve("a.json"), "{\"NativeMessagingBlocklist\": [\"*\"]}");
    Finding failure = onlyFailure(doctor(env, Browser.CHROMIUM).section("chromium"));
    assertThat(failure.message()).contains("NativeMessagingBlocklist [*] blocks click2call.host");
    assertThat(failure.fix()).contains("NativeMessagingAllowlist");

    Files.writeString(
        policies.resolve("b.json"), "{\"NativeMessagingAllowlist\": [\"click2call.host\"]}");
    assertThat(doctor(env, Browser.CHROMIUM).section("chromium").failed()).isFalse();
  }

  @Test
  void aBrokenPolicyFileIsReportedBecauseTheBrowserIgnoresIt() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    install(env, Browser.CHROMIUM, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    Path policies = Files.createDirectories(env.system("/etc/chromium/policies/managed"));
    Files.writeString(
        policies.resolve("broken.json"), "{\"NativeMessagingAllowlist\": [\"click2call.host\"");
    Finding failure = onlyFailure(doctor(env, Browser.CHROMIUM).section("chromium"));
    assertThat(failure.message())
        .contains("broken.json")
        .contains("not valid JSON")
        .contains("ignores it");
  }

  @Test
  void aFlatpakBrowserCannotStartTheHost() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Files.createDirectories(env.home().resolve(".local/share/flatpak/app/org.mozilla.firefox"));
    DoctorReport report =
        new Doctor(new BrowserTable(env), ids, List.of(MICROSIP_OK))
            .run(List.of(Browser.FIREFOX), false, Optional.empty());
    Finding failure = onlyFailure(report.section("firefox"));
    assertThat(failure.message()).contains("Flatpak org.mozilla.firefox");
    assertThat(failure.fix()).contains("distribution's packages");
    assertThat(report.ok()).isFalse();
  }

  @Test
  void aSnapFirefoxIsAWarningWithTheDebugHint() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    install(env, Browser.FIREFOX, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    Files.createDirectories(env.system("/snap/firefox"));
    Section firefox = doctor(env, Browser.FIREFOX).section("firefox");
    assertThat(firefox.failed()).isFalse();
    assertThat(firefox.findings())
        .anySatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(Finding.Status.WARN);
              assertThat(f.fix()).contains("MOZ_LOG=NativeMessagingPortal:5");
            });
  }

  @Test
  void browsersThatAreNotInstalledAreSkippedWhenNotNamed() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Files.createDirectories(env.home().resolve(".mozilla/firefox"));
    install(env, Browser.FIREFOX, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    DoctorReport report =
        new Doctor(new BrowserTable(env), ids, List.of(MICROSIP_OK))
            .run(List.of(Browser.values()), false, Optional.empty());
    assertThat(report.section("vivaldi").verdict()).isEqualTo("not installed; skipped");
    assertThat(report.section("firefox").verdict()).isEqualTo("works");
    assertThat(report.ok()).isTrue();
  }

  @Test
  void noBrowserAtAllIsAProblem() throws Exception {
    DoctorReport report =
        new Doctor(new BrowserTable(Fixtures.linux(temp)), ids, List.of(MICROSIP_OK))
            .run(List.of(Browser.values()), false, Optional.empty());
    assertThat(onlyFailure(report.section("browsers")).message()).contains("none of chrome");
  }

  @Test
  void softphoneProblemsComeFromTheAdapterCheck() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    install(env, Browser.FIREFOX, Fixtures.workingLauncher(temp.resolve("app")), Scope.USER);
    SoftphoneCheck hooksMissing =
        () ->
            new SoftphoneStatus(
                "MicroSIP",
                true,
                "C:\\MicroSIP\\microsip.exe",
                "C:\\Users\\a\\AppData\\Roaming\\MicroSIP\\microsip.ini",
                false,
                null,
                "run: click2call microsip hooks install");
    DoctorReport report = doctor(env, Browser.FIREFOX, hooksMissing);
    Section softphone = report.section("softphone:microsip");
    assertThat(softphone.findings())
        .anySatisfy(f -> assertThat(f.message()).contains("microsip.ini"));
    assertThat(onlyFailure(softphone).message()).contains("hooks are not installed");
    assertThat(report.ok()).isFalse();

    SoftphoneCheck missing =
        () ->
            new SoftphoneStatus(
                "MicroSIP", false, null, null, null, null, "install MicroSIP from microsip.org");
    Finding failure =
        onlyFailure(doctor(env, Browser.FIREFOX, missing).section("softphone:microsip"));
    assertThat(failure.message()).isEqualTo("MicroSIP was not found");
    assertThat(failure.fix()).isEqualTo("install MicroSIP from microsip.org");
  }

  @Test
  void theHumanReportHasMarksAndAFixLinePerProblem() throws Exception {
    DoctorReport report = doctor(Fixtures.linux(temp), Browser.EDGE);
    var text = new java.io.StringWriter();
    ReportPrinter.human(report, new java.io.PrintWriter(text));
    assertThat(text.toString())
        .contains("✗ Microsoft Edge — 1 problem")
        .contains("    ✗ no host manifest is registered where Microsoft Edge looks")
        .contains("      Fix: run: click2call install --browser edge")
        .contains("✓ Softphone: MicroSIP — works")
        .contains("Verdict: 1 problem found");
    var json = new java.io.StringWriter();
    ReportPrinter.json(report, new java.io.PrintWriter(json));
    var parsed = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(json.toString());
    assertThat(parsed.get("ok")).isEqualTo(false);
    assertThat(parsed.get("problems")).isEqualTo(1);
  }
}
