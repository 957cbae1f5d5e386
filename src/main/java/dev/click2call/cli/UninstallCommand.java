package dev.click2call.cli;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.InstallEnvironment;
import dev.click2call.install.Installer;
import dev.click2call.install.LauncherScripts;
import dev.click2call.platform.Os;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code click2call uninstall}: removes every registration {@code install} can make. */
@Command(
    name = "uninstall",
    description =
        "Remove the host's manifests (and registry keys on Windows) from every place browsers"
            + " look, for the given scope.")
public final class UninstallCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InstallOptions options = new InstallOptions();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean dryRun = dryRunOption.dryRun;
    InstallEnvironment env = InstallEnvironment.current();
    BrowserTable table = new BrowserTable(env);
    Installer installer = new Installer(table, ExtensionIds.bundled());
    // Uninstall looks everywhere by default: a browser removed since install left its files.
    var browsers = options.browsers.isEmpty() ? Arrays.asList(Browser.values()) : null;
    if (browsers == null) {
      browsers = options.browsers(table, Arrays.asList(Browser.values()));
    }
    Optional<Path> program =
        Optional.ofNullable(options.launcher)
            .map(Path::toAbsolutePath)
            .or(
                () ->
                    InstallOptions.ownJar()
                        .map(
                            jar ->
                                jar.resolveSibling(
                                    env.os() == Os.WINDOWS
                                        ? LauncherScripts.BAT_NAME
                                        : LauncherScripts.POSIX_NAME)));
    var steps = installer.planUninstall(browsers, options.scope(), options.userDataDir(), program);
    try {
      StepReport.print(out, installer.apply(steps, dryRun), dryRun, false);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new CommandFailure(ExitCodes.FAILURE, "permission denied: " + e.getFile());
    }
    return ExitCodes.OK;
  }
}
