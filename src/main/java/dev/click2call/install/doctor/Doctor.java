package dev.click2call.install.doctor;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserDetector;
import dev.click2call.install.BrowserFamily;
import dev.click2call.install.BrowserPolicies;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.HostManifest;
import dev.click2call.install.HostPing;
import dev.click2call.install.ManifestInspector;
import dev.click2call.install.ManifestLocation;
import dev.click2call.install.PolicyReader;
import dev.click2call.install.RegistryAccess;
import dev.click2call.install.Scope;
import dev.click2call.platform.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnoses every browser the way the browser itself would look for the host, then the softphone.
 * Each problem comes with the fix.
 */
public final class Doctor {
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);

  private final BrowserTable table;
  private final ExtensionIds ids;
  private final List<SoftphoneCheck> softphones;
  private final BrowserDetector detector;
  private final PolicyReader policies;
  private final ManifestInspector inspector;
  private final Map<String, HostPing.Result> pings = new HashMap<>();

  public Doctor(BrowserTable table, ExtensionIds ids, List<SoftphoneCheck> softphones) {
    this.table = table;
    this.ids = ids;
    this.softphones = softphones;
    this.detector = new BrowserDetector(table);
    this.policies = new PolicyReader(table);
    this.inspector = new ManifestInspector(table.environment().os(), ids);
  }

  /**
   * @param browsers the browsers to check
   * @param explicit whether the user named them (then "not installed" is not an excuse)
   */
  public DoctorReport run(List<Browser> browsers, boolean explicit, Optional<Path> userDataDir)
      throws InterruptedException {
    List<Section> sections = new ArrayList<>();
    for (Browser browser : browsers) {
      sections.add(browser(browser, explicit, userDataDir));
    }
    boolean anyBrowserChecked = sections.stream().anyMatch(s -> !s.verdict().equals(NOT_INSTALLED));
    if (!anyBrowserChecked) {
      sections.add(
          new Section(
              "browsers",
              "Browsers",
              "no supported browser found",
              List.of(
                  Finding.fail(
                      "none of " + Browser.knownIds() + " was found on this computer",
                      "install a supported browser, or name yours: click2call doctor --browser"
                          + " NAME"))));
    }
    for (SoftphoneCheck check : softphones) {
      sections.add(softphone(check.check()));
    }
    return new DoctorReport(sections);
  }

  static final String NOT_INSTALLED = "not installed; skipped";

  private Section browser(Browser browser, boolean explicit, Optional<Path> userDataDir)
      throws InterruptedException {
    List<Finding> findings = new ArrayList<>();
    BrowserPolicies policy = policies.read(browser);
    boolean isNative = explicit || detector.isNative(browser);
    sandbox(browser, isNative, findings);

    ManifestLocation used = null;
    Path usedManifest = null;
    for (ManifestLocation location : table.lookupOrder(browser, userDataDir)) {
      if (location.scope() == Scope.USER && policy.userLevelHostsDisabled()) {
        findings.add(
            Finding.info(
                location.describe()
                    + ": skipped (policy NativeMessagingUserLevelHosts disables user-level hosts)"));
        continue;
      }
      Optional<Path> manifest = resolve(location, findings);
      if (manifest.isEmpty()) {
        continue;
      }
      if (used == null) {
        used = location;
        usedManifest = manifest.get();
        findings.add(
            Finding.info(location.describe() + ": found; this is the one the browser uses"));
      } else {
        findings.add(Finding.info(location.describe() + ": also present, but not used"));
      }
    }
    String install = installCommand(browser, policy, userDataDir);
    if (used == null) {
      if (!isNative && findings.stream().noneMatch(f -> f.status() == Finding.Status.FAIL)) {
        return new Section(browser.id(), browser.displayName(), NOT_INSTALLED, List.of());
      }
      if (isNative) {
        findings.add(
            Finding.fixableFail(
                "no host manifest is registered where " + browser.displayName() + " looks",
                install));
      }
    } else {
      checkManifest(browser, policy, usedManifest, install, findings);
    }
    checkPolicies(browser, policy, findings);
    return new Section(browser.id(), browser.displayName(), verdict(findings), findings);
  }

  /** The manifest a location points at, if there is one; a broken pointer is a finding. */
  private Optional<Path> resolve(ManifestLocation location, List<Finding> findings) {
    if (location instanceof ManifestLocation.Folder folder) {
      Path file = folder.manifestFile();
      if (Files.exists(file)) {
        return Optional.of(file);
      }
      findings.add(Finding.info(location.describe() + ": nothing"));
      return Optional.empty();
    }
    ManifestLocation.RegistryKey key = (ManifestLocation.RegistryKey) location;
    RegistryAccess registry = table.environment().registry();
    Optional<String> value = registry.readDefault(key.hive(), key.view(), key.key());
    if (value.isEmpty()) {
      findings.add(Finding.info(location.describe() + ": nothing"));
      return Optional.empty();
    }
    // A key that exists stops the search even when its value is unusable: report that as the
    // manifest the browser uses.
    return Optional.of(Path.of(value.get()));
  }

  private void checkManifest(
      Browser browser,
      BrowserPolicies policy,
      Path manifest,
      String install,
      List<Finding> findings)
      throws InterruptedException {
    if (!manifest.isAbsolute()) {
      findings.add(
          Finding.fixableFail(
              "the registry value " + manifest + " is not an absolute path", install));
      return;
    }
    if (!Files.isRegularFile(manifest)) {
      findings.add(
          Finding.fixableFail(
              "the registry points at " + manifest + ", which does not exist (a stale install?)",
              install));
      return;
    }
    ManifestInspector.Inspection inspection = inspector.inspect(manifest, browser.family());
    for (String problem : inspection.problems()) {
      findings.add(Finding.fixableFail(manifest + ": " + problem, install));
    }
    if (!inspection.ok()) {
      return;
    }
    findings.add(
        Finding.ok(
            manifest
                + " is valid, names "
                + HostManifest.name()
                + " and this project's extension and points at "
                + inspection.launcher()));
    HostPing.Result ping = ping(browser.family(), inspection.launcher(), manifest);
    if (ping.ok()) {
      findings.add(
          Finding.ok(
              "the launcher answered a framed hello in "
                  + ping.millis()
                  + " ms (host "
                  + version(ping)
                  + ")"));
    } else {
      findings.add(
          Finding.fail(
              "the launcher " + inspection.launcher() + " does not work: " + ping.problem(),
              "run `click2call selftest --launcher "
                  + inspection.launcher()
                  + "` to see its error; if it was moved or Java was removed, run "
                  + install));
    }
    checkWindowsLaunch(browser, policy, inspection.launcher(), findings);
  }

  private HostPing.Result ping(BrowserFamily family, Path launcher, Path manifest)
      throws InterruptedException {
    String cacheKey = family + "|" + launcher + "|" + manifest;
    HostPing.Result cached = pings.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(
        family == BrowserFamily.CHROMIUM
            ? HostPing.chromiumArgs(ids.chromiumOrigins().get(0))
            : HostPing.geckoArgs(manifest, ids.gecko().get(0)));
    HostPing.Result result;
    try {
      result = HostPing.ping(command, PING_TIMEOUT, false);
    } catch (IOException e) {
      result = new HostPing.Result(false, 0, null, e.getMessage());
    }
    pings.put(cacheKey, result);
    return result;
  }

  private static String version(HostPing.Result ping) {
    return ping.reply().get("host") instanceof Map<?, ?> host
        ? String.valueOf(host.get("version"))
        : "unknown version";
  }

  private void checkWindowsLaunch(
      Browser browser, BrowserPolicies policy, Path launcher, List<Finding> findings) {
    if (table.environment().os() != Os.WINDOWS || browser.family() != BrowserFamily.CHROMIUM) {
      return;
    }
    boolean exe = launcher.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".exe");
    boolean direct = exe && policy.launchExesDirectly().orElse(false);
    int disableCmd = policy.disableCmd().orElse(0);
    if (disableCmd != 0 && !direct) {
      findings.add(
          Finding.fail(
              "cmd.exe is disabled by policy (DisableCMD="
                  + disableCmd
                  + ") and "
                  + browser.displayName()
                  + " starts native hosts through cmd.exe",
              exe
                  ? "set the browser policy NativeHostsExecutablesLaunchDirectly=1 (Chrome/Edge"
                      + " 120+) so click2call.exe starts without cmd.exe"
                  : "install the native click2call.exe (MSI or install.ps1) instead of the .bat"
                      + " launcher, and set NativeHostsExecutablesLaunchDirectly=1"));
    }
  }

  private void checkPolicies(Browser browser, BrowserPolicies policy, List<Finding> findings) {
    for (String source : policy.sources()) {
      findings.add(Finding.info("policies read from " + source));
    }
    for (String unreadable : policy.unreadable()) {
      findings.add(
          Finding.fail(
              "policy file " + unreadable + "; " + browser.displayName() + " ignores it",
              "correct the file (it must be one JSON object), then check chrome://policy"));
    }
    if (policy.blocks(HostManifest.name())) {
      findings.add(
          Finding.fail(
              "policy NativeMessagingBlocklist "
                  + policy.blocklist()
                  + " blocks "
                  + HostManifest.name(),
              "ask your administrator to add "
                  + HostManifest.name()
                  + " to NativeMessagingAllowlist (see installer/policies/)"));
    }
  }

  private void sandbox(Browser browser, boolean isNative, List<Finding> findings) {
    detector
        .flatpak(browser)
        .ifPresent(
            id ->
                findings.add(
                    Finding.fail(
                        browser.displayName()
                            + " is installed as the Flatpak "
                            + id
                            + ": the sandbox cannot start programs outside it, so native"
                            + " messaging does not work there",
                        isNative
                            ? "use the natively installed " + browser.displayName() + " instead"
                            : "install "
                                + browser.displayName()
                                + " from your distribution's"
                                + " packages or the vendor's .deb/.rpm")));
    detector
        .snap(browser)
        .ifPresent(
            name -> {
              if (browser == Browser.FIREFOX) {
                findings.add(
                    Finding.warn(
                        "Firefox is installed as a Snap: it reaches native hosts only through the"
                            + " xdg native-messaging portal",
                        "if the extension says \"No such native application\", install Firefox"
                            + " from Mozilla's .deb repository; debug with"
                            + " MOZ_LOG=NativeMessagingPortal:5"));
              } else {
                findings.add(
                    Finding.fail(
                        browser.displayName()
                            + " is installed as a Snap, whose confinement stops native hosts",
                        "install " + browser.displayName() + " from a .deb/.rpm package"));
              }
            });
  }

  private String installCommand(
      Browser browser, BrowserPolicies policy, Optional<Path> userDataDir) {
    StringBuilder command = new StringBuilder("run: click2call install --browser ");
    command.append(browser.id());
    if (policy.userLevelHostsDisabled()) {
      command.append(" --scope system (as administrator; user-level hosts are disabled by policy)");
    }
    userDataDir.ifPresent(dir -> command.append(" --user-data-dir ").append(dir));
    return command.toString();
  }

  private static String verdict(List<Finding> findings) {
    long failures = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
    if (failures == 0) {
      return findings.stream().anyMatch(f -> f.status() == Finding.Status.WARN)
          ? "works here; see the warning"
          : "works";
    }
    return failures == 1 ? "1 problem" : failures + " problems";
  }

  private static Section softphone(SoftphoneStatus status) {
    List<Finding> findings = new ArrayList<>();
    if (status.found()) {
      findings.add(
          Finding.ok(
              status.name()
                  + " found"
                  + (status.location() != null ? " at " + status.location() : "")));
    }
    if (status.configFile() != null) {
      findings.add(Finding.info("configuration: " + status.configFile()));
    }
    if (status.hooksInstalled() != null) {
      findings.add(
          status.hooksInstalled()
              ? Finding.ok("call-event hooks point at Click2Call")
              : Finding.fail(
                  "call-event hooks are not installed: the extension will not see call states",
                  status.fix() != null ? status.fix() : "run: click2call microsip hooks install"));
    }
    findings.addAll(status.notes());
    if (status.problem() != null) {
      findings.add(Finding.fail(status.problem(), status.fix()));
    } else if (!status.found()) {
      findings.add(
          Finding.fail(
              status.name() + " was not found",
              status.fix() != null ? status.fix() : "install " + status.name()));
    }
    String id = "softphone:" + status.name().toLowerCase(Locale.ROOT);
    return new Section(id, "Softphone: " + status.name(), verdict(findings), findings);
  }
}
