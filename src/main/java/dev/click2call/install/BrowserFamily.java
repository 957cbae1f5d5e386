package dev.click2call.install;

/** The two native-messaging mechanisms: they differ in manifest fields and launch arguments. */
public enum BrowserFamily {
  /** Chrome, Chromium, Edge, Brave, Vivaldi, Opera: {@code allowed_origins}. */
  CHROMIUM,
  /** Firefox and its forks, Thunderbird: {@code allowed_extensions}. */
  GECKO;

  /** Lower-case name used in file names and JSON output. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
