package dev.click2call.install;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.ManifestLocation.Folder;
import dev.click2call.install.ManifestLocation.RegistryKey;
import dev.click2call.platform.Os;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plans and applies registrations: one manifest (and on Windows one key) per browser. */
public final class Installer {
  private final BrowserTable table;
  private final ExtensionIds ids;

  public Installer(BrowserTable table, ExtensionIds ids) {
    this.table = table;
    this.ids = ids;
  }

  /**
   * The steps that register the host for these browsers; steps shared between browsers (Brave,
   * Vivaldi and Opera use Chrome's key on Windows) appear once.
   *
   * @throws InstallException when a browser has no known location for the scope
   */
  public List<Step> planInstall(
      List<Browser> browsers, Scope scope, Optional<Path> userDataDir, Launcher launcher) {
    Set<Step> steps = new LinkedHashSet<>(launcher.steps());
    String launcherPath = launcher.program().toString();
    for (Browser browser : browsers) {
      InstallTarget target =
          table
              .target(browser, scope, userDataDir, launcher.program().getParent())
              .orElseThrow(
                  () ->
                      new InstallException(
                          "no "
                              + scope.id()
                              + "-wide manifest location is known for "
                              + browser.displayName()
                              + " on this system; use --scope user"));
      String manifest = HostManifest.render(browser.family(), launcherPath, ids);
      steps.add(
          new Step.WriteFile(
              target.manifestFile(), manifest, false, browser.family().id() + " host manifest"));
      target
          .key()
          .ifPresent(
              key -> steps.add(new Step.SetRegistryDefault(key, target.manifestFile().toString())));
    }
    return List.copyOf(steps);
  }

  /**
   * The steps that remove every registration of this scope for these browsers: each manifest folder
   * and registry key the browsers search, wherever an earlier install left one.
   */
  public List<Step> planUninstall(
      List<Browser> browsers, Scope scope, Optional<Path> userDataDir, Optional<Path> launcher) {
    Set<Step> steps = new LinkedHashSet<>();
    RegistryAccess registry = table.environment().registry();
    for (Browser browser : browsers) {
      for (ManifestLocation location : table.lookupOrder(browser, userDataDir)) {
        if (location.scope() != scope) {
          continue;
        }
        if (location instanceof Folder folder) {
          steps.add(
              new Step.DeleteFile(folder.manifestFile(), browser.family().id() + " manifest"));
        } else if (location instanceof RegistryKey key) {
          Optional<String> manifest = registry.readDefault(key.hive(), key.view(), key.key());
          manifest
              .filter(Installer::isOurWindowsManifest)
              .ifPresent(path -> steps.add(new Step.DeleteFile(Path.of(path), "host manifest")));
          steps.add(new Step.DeleteRegistryKey(key));
        }
      }
      if (table.environment().os() == Os.WINDOWS) {
        // The file install wrote, even if its key was already removed by hand.
        table
            .target(browser, scope, userDataDir, launcher.map(Path::getParent).orElse(Path.of(".")))
            .filter(target -> scope == Scope.USER || launcher.isPresent())
            .ifPresent(
                target -> steps.add(new Step.DeleteFile(target.manifestFile(), "host manifest")));
      }
    }
    launcher
        .filter(Launcher::isGenerated)
        .ifPresent(program -> steps.add(new Step.DeleteFile(program, "generated launcher")));
    return new ArrayList<>(steps);
  }

  /** What happened to each step. */
  public record Outcome(Step step, boolean changed) {}

  /** Applies the steps that are not done yet; a dry run only reports which those are. */
  public List<Outcome> apply(List<Step> steps, boolean dryRun) throws IOException {
    RegistryAccess registry = table.environment().registry();
    List<Outcome> outcomes = new ArrayList<>();
    for (Step step : steps) {
      boolean done = step.done(registry);
      if (!done && !dryRun) {
        step.apply(registry);
      }
      outcomes.add(new Outcome(step, !done));
    }
    return outcomes;
  }

  private static boolean isOurWindowsManifest(String path) {
    String name = Path.of(path).getFileName().toString();
    return name.startsWith(HostManifest.name() + ".") && name.endsWith(".json");
  }
}
