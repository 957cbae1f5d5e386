package dev.click2call.install;

import dev.click2call.platform.Os;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which browsers are on this computer: natively (a profile folder or a program on {@code PATH}),
 * and which only in a Flatpak or Snap sandbox that cannot start a host outside it.
 */
public final class BrowserDetector {
  private final BrowserTable table;

  public BrowserDetector(BrowserTable table) {
    this.table = table;
  }

  /** Browsers installed natively (their profile folder exists or their program is on PATH). */
  public List<Browser> nativeBrowsers() {
    List<Browser> found = new ArrayList<>();
    for (Browser browser : Browser.values()) {
      if (isNative(browser)) {
        found.add(browser);
      }
    }
    return found;
  }

  public boolean isNative(Browser browser) {
    Optional<Path> profile = table.profileFolder(browser);
    if (profile.isPresent() && Files.isDirectory(profile.get())) {
      return true;
    }
    return table.environment().os() != Os.WINDOWS && onPath(browser);
  }

  /** The Flatpak installation of this browser, if any (system-wide or per-user). */
  public Optional<String> flatpak(Browser browser) {
    InstallEnvironment env = table.environment();
    if (env.os() != Os.LINUX) {
      return Optional.empty();
    }
    for (String id : browser.flatpakIds()) {
      if (Files.isDirectory(env.system("/var/lib/flatpak/app").resolve(id))
          || Files.isDirectory(env.home().resolve(".local/share/flatpak/app").resolve(id))) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /** The Snap of this browser, if any. */
  public Optional<String> snap(Browser browser) {
    InstallEnvironment env = table.environment();
    if (env.os() != Os.LINUX) {
      return Optional.empty();
    }
    for (String name : browser.snapNames()) {
      if (Files.isDirectory(env.system("/snap").resolve(name))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private boolean onPath(Browser browser) {
    String path = table.environment().variable("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty() || dir.startsWith("/snap/")) {
        continue;
      }
      for (String program : browser.executables()) {
        Path candidate = Path.of(dir, program);
        if (Files.isExecutable(candidate) && !isSnapWrapper(candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Ubuntu's {@code /usr/bin/firefox} and {@code chromium-browser} may only start the Snap. */
  private static boolean isSnapWrapper(Path program) {
    try {
      if (Files.size(program) > 16_384) {
        return false;
      }
      return Files.readString(program).contains("/snap/bin/");
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }
}
