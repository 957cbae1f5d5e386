package dev.click2call.install;

import static dev.click2call.install.RegistryHive.HKCU;
import static dev.click2call.install.RegistryHive.HKLM;
import static dev.click2call.install.RegistryView.BITS_32;
import static dev.click2call.install.RegistryView.BITS_64;

import dev.click2call.install.ManifestLocation.Folder;
import dev.click2call.install.ManifestLocation.RegistryKey;
import dev.click2call.platform.Os;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every browser looks for host manifests, per operating system, in the order it looks; and
 * where {@code install} writes. Sources are listed in docs/INSTALL.md ("Where browsers look").
 */
public final class BrowserTable {
  static final String CHROME_KEY = "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts";
  static final String CHROMIUM_KEY = "SOFTWARE\\Chromium\\NativeMessagingHosts";
  static final String EDGE_KEY = "SOFTWARE\\Microsoft\\Edge\\NativeMessagingHosts";
  static final String MOZILLA_KEY = "SOFTWARE\\Mozilla\\NativeMessagingHosts";

  private final InstallEnvironment env;

  public BrowserTable(InstallEnvironment env) {
    this.env = env;
  }

  public InstallEnvironment environment() {
    return env;
  }

  /**
   * Every place the browser looks, first to last; the first manifest found is the one used. A
   * custom {@code --user-data-dir} moves the user-level folder of Chromium browsers.
   */
  public List<ManifestLocation> lookupOrder(Browser browser, Optional<Path> userDataDir) {
    if (env.os() == Os.WINDOWS) {
      return windowsLookup(browser);
    }
    List<ManifestLocation> order = new ArrayList<>();
    userFolder(browser, userDataDir).ifPresent(dir -> order.add(new Folder(dir, Scope.USER)));
    for (Path dir : systemFolders(browser)) {
      order.add(new Folder(dir, Scope.SYSTEM));
    }
    return order;
  }

  /**
   * Where {@code install} registers the host for this browser and scope.
   *
   * @param launcherDir the launcher's folder: system-wide Windows manifests sit beside it
   * @return empty when no location of that scope is known for the browser on this system
   */
  public Optional<InstallTarget> target(
      Browser browser, Scope scope, Optional<Path> userDataDir, Path launcherDir) {
    if (env.os() == Os.WINDOWS) {
      Path folder =
          scope == Scope.USER
              ? localAppData().resolve("click2call").resolve("native-messaging")
              : launcherDir;
      Path manifest = folder.resolve(HostManifest.windowsFileName(browser.family()));
      RegistryHive hive = scope == Scope.USER ? HKCU : HKLM;
      String key = windowsInstallKey(browser) + "\\" + HostManifest.name();
      return Optional.of(
          new InstallTarget(
              browser, scope, manifest, Optional.of(new RegistryKey(hive, BITS_64, key, scope))));
    }
    Optional<Path> folder =
        scope == Scope.USER
            ? userFolder(browser, userDataDir)
            : systemFolders(browser).stream().findFirst();
    return folder.map(
        dir ->
            new InstallTarget(
                browser, scope, dir.resolve(HostManifest.fileName()), Optional.empty()));
  }

  /** The browser's own per-user folder: present when the browser has been run by this user. */
  public Optional<Path> profileFolder(Browser browser) {
    return switch (env.os()) {
      case WINDOWS -> Optional.ofNullable(windowsProfile(browser));
      case MACOS -> Optional.ofNullable(macProfile(browser));
      case LINUX -> Optional.ofNullable(linuxProfile(browser));
    };
  }

  /** Folders of managed policy JSON files (Linux only; Windows uses the registry). */
  public List<Path> policyFolders(Browser browser) {
    if (env.os() != Os.LINUX) {
      return List.of();
    }
    return switch (browser) {
      case CHROME -> List.of(env.system("/etc/opt/chrome/policies/managed"));
      case CHROMIUM ->
          List.of(
              env.system("/etc/chromium/policies/managed"),
              env.system("/etc/chromium-browser/policies/managed"));
      case EDGE -> List.of(env.system("/etc/opt/edge/policies/managed"));
      case BRAVE -> List.of(env.system("/etc/brave/policies/managed"));
      default -> List.of();
    };
  }

  /** The registry key (under HKLM/HKCU) of the browser's policies, on Windows. */
  public Optional<String> windowsPolicyKey(Browser browser) {
    return switch (browser) {
      case CHROME -> Optional.of("SOFTWARE\\Policies\\Google\\Chrome");
      case CHROMIUM -> Optional.of("SOFTWARE\\Policies\\Chromium");
      case EDGE -> Optional.of("SOFTWARE\\Policies\\Microsoft\\Edge");
      case BRAVE -> Optional.of("SOFTWARE\\Policies\\BraveSoftware\\Brave");
      default -> Optional.empty();
    };
  }

  // ---- Windows -------------------------------------------------------------------------------

  private List<ManifestLocation> windowsLookup(Browser browser) {
    String name = HostManifest.name();
    List<ManifestLocation> order = new ArrayList<>();
    switch (browser) {
      case EDGE -> {
        // Edge: HKCU (one view), then HKLM 32-bit, then HKLM 64-bit; in each: Edge, Chromium,
        // Chrome keys.
        List<String> keys = List.of(EDGE_KEY, CHROMIUM_KEY, CHROME_KEY);
        for (String key : keys) {
          order.add(new RegistryKey(HKCU, BITS_64, key + "\\" + name, Scope.USER));
        }
        for (RegistryView view : List.of(BITS_32, BITS_64)) {
          for (String key : keys) {
            order.add(new RegistryKey(HKLM, view, key + "\\" + name, Scope.SYSTEM));
          }
        }
      }
      case FIREFOX, LIBREWOLF, WATERFOX, THUNDERBIRD -> {
        // Gecko: HKCU, then HKLM 32-bit view, then HKLM 64-bit view; Software\Mozilla is
        // hard-coded in the shared toolkit code.
        order.add(new RegistryKey(HKCU, BITS_64, MOZILLA_KEY + "\\" + name, Scope.USER));
        order.add(new RegistryKey(HKLM, BITS_32, MOZILLA_KEY + "\\" + name, Scope.SYSTEM));
        order.add(new RegistryKey(HKLM, BITS_64, MOZILLA_KEY + "\\" + name, Scope.SYSTEM));
      }
      default -> {
        // Chromium-based: HKCU then HKLM, 32-bit view before 64-bit view in each; a Chromium
        // build checks its own key before Chrome's. Brave, Vivaldi and Opera use Chrome's key.
        List<String> keys =
            browser == Browser.CHROMIUM ? List.of(CHROMIUM_KEY, CHROME_KEY) : List.of(CHROME_KEY);
        for (RegistryHive hive : List.of(HKCU, HKLM)) {
          Scope scope = hive == HKCU ? Scope.USER : Scope.SYSTEM;
          for (RegistryView view : List.of(BITS_32, BITS_64)) {
            for (String key : keys) {
              order.add(new RegistryKey(hive, view, key + "\\" + name, scope));
            }
          }
        }
      }
    }
    return order;
  }

  private static String windowsInstallKey(Browser browser) {
    return switch (browser) {
      case CHROMIUM -> CHROMIUM_KEY;
      case EDGE -> EDGE_KEY;
      case FIREFOX, LIBREWOLF, WATERFOX, THUNDERBIRD -> MOZILLA_KEY;
      default -> CHROME_KEY;
    };
  }

  private Path localAppData() {
    String value = env.variable("LOCALAPPDATA");
    return value != null ? Path.of(value) : env.home().resolve("AppData").resolve("Local");
  }

  private Path roamingAppData() {
    String value = env.variable("APPDATA");
    return value != null ? Path.of(value) : env.home().resolve("AppData").resolve("Roaming");
  }

  private Path windowsProfile(Browser browser) {
    return switch (browser) {
      case CHROME -> localAppData().resolve("Google/Chrome/User Data");
      case CHROMIUM -> localAppData().resolve("Chromium/User Data");
      case EDGE -> localAppData().resolve("Microsoft/Edge/User Data");
      case BRAVE -> localAppData().resolve("BraveSoftware/Brave-Browser/User Data");
      case VIVALDI -> localAppData().resolve("Vivaldi/User Data");
      case OPERA -> roamingAppData().resolve("Opera Software/Opera Stable");
      case FIREFOX -> roamingAppData().resolve("Mozilla/Firefox");
      case LIBREWOLF -> roamingAppData().resolve("librewolf");
      case WATERFOX -> roamingAppData().resolve("Waterfox");
      case THUNDERBIRD -> roamingAppData().resolve("Thunderbird");
    };
  }

  // ---- macOS and Linux -----------------------------------------------------------------------

  /** The per-user manifest folder, which follows a custom user-data-dir for Chromium browsers. */
  private Optional<Path> userFolder(Browser browser, Optional<Path> userDataDir) {
    if (browser.family() == BrowserFamily.CHROMIUM && userDataDir.isPresent()) {
      return Optional.of(userDataDir.get().toAbsolutePath().resolve("NativeMessagingHosts"));
    }
    return Optional.ofNullable(
        env.os() == Os.MACOS ? macUserFolder(browser) : linuxUserFolder(browser));
  }

  private List<Path> systemFolders(Browser browser) {
    return env.os() == Os.MACOS ? macSystemFolders(browser) : linuxSystemFolders(browser);
  }

  private Path appSupport() {
    return env.home().resolve("Library").resolve("Application Support");
  }

  private Path macUserFolder(Browser browser) {
    return switch (browser) {
      case CHROME, OPERA -> appSupport().resolve("Google/Chrome/NativeMessagingHosts");
      case CHROMIUM -> appSupport().resolve("Chromium/NativeMessagingHosts");
      case EDGE -> appSupport().resolve("Microsoft Edge/NativeMessagingHosts");
      case BRAVE -> appSupport().resolve("BraveSoftware/Brave-Browser/NativeMessagingHosts");
      case VIVALDI -> appSupport().resolve("Vivaldi/NativeMessagingHosts");
      case FIREFOX, WATERFOX -> appSupport().resolve("Mozilla/NativeMessagingHosts");
      case LIBREWOLF -> appSupport().resolve("librewolf/NativeMessagingHosts");
      case THUNDERBIRD -> env.home().resolve("Library/Mozilla/NativeMessagingHosts");
    };
  }

  private List<Path> macSystemFolders(Browser browser) {
    return switch (browser) {
      case CHROME, OPERA -> List.of(env.system("/Library/Google/Chrome/NativeMessagingHosts"));
      case CHROMIUM ->
          List.of(env.system("/Library/Application Support/Chromium/NativeMessagingHosts"));
      case EDGE -> List.of(env.system("/Library/Microsoft/Edge/NativeMessagingHosts"));
      case FIREFOX, WATERFOX, THUNDERBIRD ->
          List.of(env.system("/Library/Application Support/Mozilla/NativeMessagingHosts"));
      // No documented system-wide folder for these: user scope only.
      case BRAVE, VIVALDI, LIBREWOLF -> List.of();
    };
  }

  private Path macProfile(Browser browser) {
    return switch (browser) {
      case CHROME -> appSupport().resolve("Google/Chrome");
      case CHROMIUM -> appSupport().resolve("Chromium");
      case EDGE -> appSupport().resolve("Microsoft Edge");
      case BRAVE -> appSupport().resolve("BraveSoftware/Brave-Browser");
      case VIVALDI -> appSupport().resolve("Vivaldi");
      case OPERA -> appSupport().resolve("com.operasoftware.Opera");
      case FIREFOX -> appSupport().resolve("Firefox");
      case LIBREWOLF -> appSupport().resolve("librewolf");
      case WATERFOX -> appSupport().resolve("Waterfox");
      case THUNDERBIRD -> appSupport().resolve("Thunderbird");
    };
  }

  /** Chromium browsers keep their profile under {@code $XDG_CONFIG_HOME} (default ~/.config). */
  private Path configHome() {
    String xdg = env.variable("XDG_CONFIG_HOME");
    return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : env.home().resolve(".config");
  }

  private Path linuxUserFolder(Browser browser) {
    return switch (browser) {
      case CHROME -> configHome().resolve("google-chrome/NativeMessagingHosts");
      case CHROMIUM -> configHome().resolve("chromium/NativeMessagingHosts");
      case EDGE -> configHome().resolve("microsoft-edge/NativeMessagingHosts");
      case BRAVE -> configHome().resolve("BraveSoftware/Brave-Browser/NativeMessagingHosts");
      case VIVALDI -> configHome().resolve("vivaldi/NativeMessagingHosts");
      case OPERA -> configHome().resolve("opera/NativeMessagingHosts");
      case FIREFOX, WATERFOX, THUNDERBIRD -> env.home().resolve(".mozilla/native-messaging-hosts");
      case LIBREWOLF -> env.home().resolve(".librewolf/native-messaging-hosts");
    };
  }

  private List<Path> linuxSystemFolders(Browser browser) {
    return switch (browser) {
      case CHROME -> List.of(env.system("/etc/opt/chrome/native-messaging-hosts"));
      case CHROMIUM -> List.of(env.system("/etc/chromium/native-messaging-hosts"));
      case EDGE -> List.of(env.system("/etc/opt/edge/native-messaging-hosts"));
      case FIREFOX, WATERFOX, THUNDERBIRD ->
          List.of(
              env.system("/usr/lib/mozilla/native-messaging-hosts"),
              env.system("/usr/lib64/mozilla/native-messaging-hosts"));
      case LIBREWOLF -> List.of(env.system("/usr/lib/librewolf/native-messaging-hosts"));
      // No documented system-wide folder for these: user scope only.
      case BRAVE, VIVALDI, OPERA -> List.of();
    };
  }

  private Path linuxProfile(Browser browser) {
    return switch (browser) {
      case CHROME -> configHome().resolve("google-chrome");
      case CHROMIUM -> configHome().resolve("chromium");
      case EDGE -> configHome().resolve("microsoft-edge");
      case BRAVE -> configHome().resolve("BraveSoftware/Brave-Browser");
      case VIVALDI -> configHome().resolve("vivaldi");
      case OPERA -> configHome().resolve("opera");
      case FIREFOX -> env.home().resolve(".mozilla/firefox");
      case LIBREWOLF -> env.home().resolve(".librewolf");
      case WATERFOX -> env.home().resolve(".waterfox");
      case THUNDERBIRD -> env.home().resolve(".thunderbird");
    };
  }
}
