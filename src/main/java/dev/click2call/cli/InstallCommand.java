package dev.click2call.cli;

import dev.click2call.host.ExtensionIds;
import dev.click2call.host.OrganisationIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserFamily;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.HostManifest;
import dev.click2call.install.InstallEnvironment;
import dev.click2call.install.InstallException;
import dev.click2call.install.Installer;
import dev.click2call.install.Launcher;
import dev.click2call.install.LauncherScripts;
import dev.click2call.install.OrganisationIdsFile;
import dev.click2call.install.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code click2call install}: registers the host with browsers. */
@Command(
    name = "install",
    description =
        "Register the native-messaging host with browsers (manifests, and registry keys on"
            + " Windows). Safe to run again.")
public final class InstallCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InstallOptions options = new InstallOptions();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Option(
      names = "--stage",
      paramLabel = "DIR",
      description =
          "Only write one manifest per browser family into DIR, registering nothing (for"
              + " packaging; --launcher may then be relative to DIR, as Windows allows).")
  Path stage;

  @Option(
      names = "--extension-id",
      split = "[,;]",
      paramLabel = "ID",
      description =
          "Also allow this extension (your organisation's own build): a Chromium id or"
              + " chrome-extension://ID/, or a Firefox add-on id (name@domain, {GUID}). Repeatable."
              + " Written to "
              + OrganisationIds.FILE_NAME
              + " beside the jar (replacing the ids there) and into every manifest; without it the"
              + " ids already in that file are kept.")
  List<String> extensionIds = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path launcher = options.launcher;
    boolean dryRun = dryRunOption.dryRun;
    InstallEnvironment env = InstallEnvironment.current();
    BrowserTable table = new BrowserTable(env);
    List<Step> steps = new ArrayList<>();
    try {
      ExtensionIds ids = ExtensionIds.bundled().plus(organisationIds(out, steps));
      Installer installer = new Installer(table, ids);
      if (stage != null) {
        steps.addAll(stageSteps(ids));
      } else {
        List<Browser> browsers = options.browsers(table, List.of());
        if (browsers.isEmpty()) {
          throw new CommandFailure(
              ExitCodes.FAILURE,
              "no supported browser was found; name one with --browser (known: "
                  + Browser.knownIds()
                  + ", all)");
        }
        Launcher program =
            launcher != null
                ? Launcher.existing(launcher)
                : Launcher.forThisProcess(
                    env.os(), Path.of(System.getProperty("java.home")), InstallOptions.ownJar());
        steps.addAll(
            installer.planInstall(browsers, options.scope(), options.userDataDir(), program));
        out.printf(
            "Registering %s for %s (%s scope)%n",
            HostManifest.name(),
            String.join(", ", browsers.stream().map(Browser::displayName).toList()),
            options.scope().id());
      }
      StepReport.print(out, installer.apply(steps, dryRun), dryRun);
      if (stage == null && launcher == null && !dryRun) {
        recordStartupArchive(out);
      }
    } catch (InstallException e) {
      throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
    } catch (java.nio.file.AccessDeniedException e) {
      throw new CommandFailure(
          ExitCodes.FAILURE,
          "permission denied: "
              + e.getFile()
              + (options.scope().id().equals("system") ? " (system scope needs admin/root)" : ""));
    }
    return ExitCodes.OK;
  }

  /**
   * The generated launcher passes {@code click2call.jsa} beside the jar to the JVM when it exists
   * (a faster start); record it now if it is missing or older than the jar.
   */
  private static void recordStartupArchive(PrintWriter out) {
    java.util.Optional<Path> jar = InstallOptions.ownJar();
    if (jar.isEmpty()) {
      return;
    }
    Path archive = jar.get().resolveSibling(LauncherScripts.CDS_ARCHIVE);
    try {
      if (java.nio.file.Files.exists(archive)
          && java.nio.file.Files.getLastModifiedTime(archive)
                  .compareTo(java.nio.file.Files.getLastModifiedTime(jar.get()))
              >= 0) {
        return;
      }
      CdsArchiveCommand.record(archive);
      out.println("recorded the start-up archive " + archive);
    } catch (IOException | CommandFailure e) {
      out.println("note: no start-up archive (the host starts slower): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The organisation's ids: those given (their file is rewritten by a step added to {@code steps}),
   * or those already beside the jar.
   */
  private ExtensionIds organisationIds(PrintWriter out, List<Step> steps) {
    Path file =
        InstallOptions.ownJar()
            .map(jar -> jar.resolveSibling(OrganisationIds.FILE_NAME))
            .orElse(null);
    if (extensionIds.isEmpty()) {
      OrganisationIds.Loaded existing = OrganisationIds.read(file);
      if (existing.problem() != null) {
        out.println("warning: organisation extension ids not used: " + existing.problem());
      } else if (!existing.ids().isEmpty()) {
        out.println("keeping the organisation extension ids in " + file);
      }
      return existing.ids();
    }
    ExtensionIds given = OrganisationIdsFile.parse(extensionIds);
    if (file == null) {
      throw new InstallException(
          "--extension-id needs the jar (the host reads the ids beside it); run the packaged"
              + " click2call.jar");
    }
    steps.add(OrganisationIdsFile.write(file, given));
    return given;
  }

  private List<Step> stageSteps(ExtensionIds ids) {
    Path launcher = options.launcher;
    if (launcher == null) {
      throw new CommandFailure(ExitCodes.USAGE, "--stage needs --launcher");
    }
    List<Step> steps = new ArrayList<>();
    for (BrowserFamily family : BrowserFamily.values()) {
      steps.add(
          new Step.WriteFile(
              stage.resolve(HostManifest.windowsFileName(family)),
              HostManifest.render(family, launcher.toString(), ids),
              false,
              family.id() + " host manifest"));
    }
    return steps;
  }
}
