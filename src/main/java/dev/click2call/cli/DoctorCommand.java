package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.host.ExtensionIds;
import dev.click2call.host.OrganisationIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.ForceInstallPolicy;
import dev.click2call.install.InstallEnvironment;
import dev.click2call.install.InstallException;
import dev.click2call.install.Installer;
import dev.click2call.install.Launcher;
import dev.click2call.install.Scope;
import dev.click2call.install.doctor.Doctor;
import dev.click2call.install.doctor.DoctorReport;
import dev.click2call.install.doctor.ExtensionIdCheck;
import dev.click2call.install.doctor.ReportPrinter;
import dev.click2call.install.doctor.Section;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.baresip.BaresipDoctorCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code click2call doctor}: checks everything between the browser and the softphone. */
@Command(
    name = "doctor",
    description =
        "Check every place each browser looks for the host, the manifests, the launcher (a real"
            + " framed hello), blocking policies, sandboxes and the softphone. Exit status 0 only"
            + " when everything works.")
public final class DoctorCommand implements Callable<Integer> {
  /**
   * The softphone checks: the selected adapter, and MicroSIP's setup where it matters. The settings
   * are loaded here once and handed to each check.
   */
  static List<SoftphoneCheck> softphoneChecks() {
    UserDirs dirs = UserDirs.current();
    Map<String, String> env = System.getenv();
    Settings settings;
    try {
      settings = Settings.load(dirs);
    } catch (ConfigException e) {
      return List.of(SelectedSoftphoneCheck.unreadableSettings(e));
    }
    List<SoftphoneCheck> checks = new ArrayList<>();
    checks.add(new SelectedSoftphoneCheck(settings, dirs, env));
    if (BaresipDoctorCheck.relevant(settings, env)) {
      checks.add(new BaresipDoctorCheck(settings.section("baresip"), env, dirs.runtimeDir()));
    }
    if (MicroSipDoctorCheck.relevant(settings, env)) {
      checks.add(new MicroSipDoctorCheck(settings, env));
    }
    return checks;
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InstallOptions options = new InstallOptions();

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = "--fix",
      description = "Re-register the host for browsers whose registration is missing or broken.")
  boolean fix;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Charset charset = json ? StandardCharsets.UTF_8 : ConsoleText.humanCharset(System.console());
    PrintWriter out = ConsoleText.stdout(charset);
    BrowserTable table = new BrowserTable(InstallEnvironment.current());
    boolean explicit = !options.browsers.isEmpty();
    List<Browser> browsers =
        explicit ? options.browsers(table, List.of()) : Arrays.asList(Browser.values());
    List<SoftphoneCheck> softphoneChecks = softphoneChecks();
    ExtensionIdCheck idCheck = extensionIdCheck(table);
    // Manifests must list the project's ids and the organisation's (install writes both).
    ExtensionIds manifestIds = ExtensionIds.bundled().plus(idCheck.organisationIds());
    Doctor doctor = new Doctor(table, manifestIds, softphoneChecks);
    DoctorReport report =
        withIds(doctor.run(browsers, explicit, options.userDataDir()), idCheck, browsers);
    if (fix) {
      List<Browser> broken =
          report.sections().stream()
              .filter(Section::fixable)
              .map(s -> Browser.byId(s.id()))
              .flatMap(java.util.Optional::stream)
              .toList();
      if (!broken.isEmpty()) {
        repair(table, broken, manifestIds, out);
        report =
            withIds(
                new Doctor(table, manifestIds, softphoneChecks)
                    .run(browsers, explicit, options.userDataDir()),
                idCheck,
                browsers);
      }
    }
    if (json) {
      ReportPrinter.json(report, out);
    } else {
      ReportPrinter.human(report, out, ConsoleText.canShowMarks(charset));
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** The allowed-ids section goes after the browsers, before the softphone. */
  private static DoctorReport withIds(
      DoctorReport report, ExtensionIdCheck check, List<Browser> browsers) {
    List<Section> sections = new ArrayList<>(report.sections());
    int softphone = 0;
    while (softphone < sections.size() && !sections.get(softphone).id().startsWith("softphone:")) {
      softphone++;
    }
    sections.add(softphone, check.check(browsers));
    return new DoctorReport(sections);
  }

  private static ExtensionIdCheck extensionIdCheck(BrowserTable table) {
    Path file = OrganisationIds.forThisProcess();
    ExtensionIds fromSettings = new ExtensionIds(List.of(), List.of());
    try {
      Settings settings = Settings.load(UserDirs.current());
      fromSettings = new ExtensionIds(settings.extraChromiumIds(), settings.extraGeckoIds());
    } catch (ConfigException e) {
      // The softphone section reports an unreadable settings file.
    }
    return new ExtensionIdCheck(
        ExtensionIds.bundled(),
        file,
        OrganisationIds.read(file),
        fromSettings,
        new ForceInstallPolicy(table));
  }

  private void repair(BrowserTable table, List<Browser> browsers, ExtensionIds ids, PrintWriter out)
      throws IOException {
    Installer installer = new Installer(table, ids);
    try {
      Launcher program =
          options.launcher != null
              ? Launcher.existing(options.launcher.toAbsolutePath())
              : Launcher.forThisProcess(
                  table.environment().os(),
                  Path.of(System.getProperty("java.home")),
                  InstallOptions.ownJar());
      Scope scope = options.scope();
      var steps = installer.planInstall(browsers, scope, options.userDataDir(), program);
      if (!json) {
        out.println("Fixing: re-registering for " + browsers.stream().map(Browser::id).toList());
        StepReport.print(out, installer.apply(steps, false), false);
        out.println();
      } else {
        installer.apply(steps, false);
      }
    } catch (InstallException e) {
      throw new CommandFailure(ExitCodes.FAILURE, "cannot fix: " + e.getMessage());
    }
  }
}
