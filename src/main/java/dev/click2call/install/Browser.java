package dev.click2call.install;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every browser the installer and doctor know. Where each one looks for host manifests lives in
 * {@link BrowserTable}; this enum holds what does not depend on the operating system.
 */
public enum Browser {
  CHROME(
      "chrome",
      "Google Chrome",
      BrowserFamily.CHROMIUM,
      List.of("google-chrome", "google-chrome-stable"),
      List.of("com.google.Chrome"),
      List.of()),
  CHROMIUM(
      "chromium",
      "Chromium",
      BrowserFamily.CHROMIUM,
      List.of("chromium", "chromium-browser"),
      List.of("org.chromium.Chromium"),
      List.of("chromium")),
  EDGE(
      "edge",
      "Microsoft Edge",
      BrowserFamily.CHROMIUM,
      List.of("microsoft-edge", "microsoft-edge-stable"),
      List.of("com.microsoft.Edge"),
      List.of()),
  BRAVE(
      "brave",
      "Brave",
      BrowserFamily.CHROMIUM,
      List.of("brave-browser", "brave"),
      List.of("com.brave.Browser"),
      List.of("brave")),
  VIVALDI(
      "vivaldi",
      "Vivaldi",
      BrowserFamily.CHROMIUM,
      List.of("vivaldi", "vivaldi-stable"),
      List.of("com.vivaldi.Vivaldi"),
      List.of()),
  OPERA(
      "opera",
      "Opera",
      BrowserFamily.CHROMIUM,
      List.of("opera"),
      List.of("com.opera.Opera"),
      List.of("opera")),
  FIREFOX(
      "firefox",
      "Firefox",
      BrowserFamily.GECKO,
      List.of("firefox", "firefox-esr"),
      List.of("org.mozilla.firefox"),
      List.of("firefox")),
  LIBREWOLF(
      "librewolf",
      "LibreWolf",
      BrowserFamily.GECKO,
      List.of("librewolf"),
      List.of("io.gitlab.librewolf-community"),
      List.of()),
  WATERFOX(
      "waterfox",
      "Waterfox",
      BrowserFamily.GECKO,
      List.of("waterfox"),
      List.of("net.waterfox.waterfox"),
      List.of()),
  THUNDERBIRD(
      "thunderbird",
      "Thunderbird",
      BrowserFamily.GECKO,
      List.of("thunderbird"),
      List.of("org.mozilla.Thunderbird"),
      List.of("thunderbird"));

  private final String id;
  private final String displayName;
  private final BrowserFamily family;
  private final List<String> executables;
  private final List<String> flatpakIds;
  private final List<String> snapNames;

  Browser(
      String id,
      String displayName,
      BrowserFamily family,
      List<String> executables,
      List<String> flatpakIds,
      List<String> snapNames) {
    this.id = id;
    this.displayName = displayName;
    this.family = family;
    this.executables = executables;
    this.flatpakIds = flatpakIds;
    this.snapNames = snapNames;
  }

  /** The name used on the command line ({@code --browser chrome}). */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public BrowserFamily family() {
    return family;
  }

  /** Program names on Linux/macOS {@code PATH} that mean the browser is installed natively. */
  public List<String> executables() {
    return executables;
  }

  /** Flatpak application ids of this browser: sandboxed, cannot start a host outside. */
  public List<String> flatpakIds() {
    return flatpakIds;
  }

  /** Snap names of this browser: confined; native messaging needs a portal. */
  public List<String> snapNames() {
    return snapNames;
  }

  public static Optional<Browser> byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT).strip();
    return Arrays.stream(values()).filter(b -> b.id.equals(wanted)).findFirst();
  }

  /** The ids accepted by {@code --browser}, for messages. */
  public static String knownIds() {
    return String.join(", ", Arrays.stream(values()).map(Browser::id).toList());
  }
}
