package dev.click2call.cli;

import dev.click2call.install.Browser;
import dev.click2call.install.BrowserDetector;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.Scope;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by {@code install}, {@code uninstall} and {@code doctor}. */
final class InstallOptions {
  @Option(
      names = "--browser",
      split = ",",
      paramLabel = "NAME",
      description =
          "Browsers to act on: chrome, chromium, edge, brave, vivaldi, opera, firefox, librewolf,"
              + " waterfox, thunderbird, or all (default: the browsers found on this computer).")
  List<String> browsers = new ArrayList<>();

  @Option(
      names = "--scope",
      paramLabel = "user|system",
      description = "user (default; no admin rights) or system (every user; needs admin/root).")
  String scope = "user";

  @Option(
      names = "--user-data-dir",
      paramLabel = "DIR",
      description =
          "A Chromium-family browser's custom --user-data-dir (its manifests move with it).")
  Path userDataDir;

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      description =
          "The program the manifests point at (default: the native launcher this runs from, or a"
              + " script written beside the jar). uninstall also removes it if install generated"
              + " it; doctor uses it with --fix.")
  Path launcher;

  Scope scope() {
    return switch (scope.toLowerCase(java.util.Locale.ROOT)) {
      case "user" -> Scope.USER;
      case "system" -> Scope.SYSTEM;
      default -> throw new CommandFailure(ExitCodes.USAGE, "--scope must be user or system");
    };
  }

  Optional<Path> userDataDir() {
    return Optional.ofNullable(userDataDir).map(Path::toAbsolutePath);
  }

  /**
   * The browsers named, or every detected one when none are named.
   *
   * @param whenNone what to use when nothing is named and nothing is detected
   */
  List<Browser> browsers(BrowserTable table, List<Browser> whenNone) {
    if (browsers.isEmpty()) {
      List<Browser> found = new BrowserDetector(table).nativeBrowsers();
      return found.isEmpty() ? whenNone : found;
    }
    List<Browser> chosen = new ArrayList<>();
    for (String name : browsers) {
      if (name.equalsIgnoreCase("all")) {
        return Arrays.asList(Browser.values());
      }
      chosen.add(
          Browser.byId(name)
              .orElseThrow(
                  () ->
                      new CommandFailure(
                          ExitCodes.USAGE,
                          "unknown browser '"
                              + name
                              + "'; known: "
                              + Browser.knownIds()
                              + ", all")));
    }
    return chosen.stream().distinct().toList();
  }

  /** The jar this process runs from, if it runs from one. */
  static Optional<Path> ownJar() {
    try {
      File location =
          new File(
              InstallOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.isFile() ? Optional.of(location.toPath().toAbsolutePath()) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
