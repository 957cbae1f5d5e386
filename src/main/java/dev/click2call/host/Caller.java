package dev.click2call.host;

import java.util.regex.Pattern;

/**
 * Who started the host, from the command line a browser passes: Chromium-family browsers pass the
 * extension origin first; Firefox-family browsers pass the host manifest path and the add-on id.
 */
public record Caller(Family family, String extensionId) {
  /** The browser family that launched the host. */
  public enum Family {
    CHROMIUM,
    GECKO,
    /** Started by the user (e.g. {@code click2call host}), not by a browser. */
    LOCAL
  }

  private static final Pattern CHROMIUM_ORIGIN =
      Pattern.compile("chrome-extension://([a-p]{32})/?");
  private static final String CHROMIUM_PREFIX = "chrome-extension://";

  public static final Caller LOCAL = new Caller(Family.LOCAL, null);

  /**
   * Whether these arguments are a browser's launch of the host (rather than a CLI command). Extra
   * arguments (Windows' {@code --parent-window=0}, {@code --reconnect-command=...}) are ignored.
   */
  public static boolean isBrowserLaunch(String[] args) {
    if (args.length == 0) {
      return false;
    }
    if (args[0].startsWith(CHROMIUM_PREFIX)) {
      return true;
    }
    return args.length >= 2 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".json");
  }

  /**
   * Reads the caller from a browser's launch arguments.
   *
   * @return the caller, or null when the arguments name no well-formed caller
   */
  public static Caller fromLaunchArgs(String[] args) {
    if (args.length == 0) {
      return null;
    }
    if (args[0].startsWith(CHROMIUM_PREFIX)) {
      var matcher = CHROMIUM_ORIGIN.matcher(args[0]);
      return matcher.matches() ? new Caller(Family.CHROMIUM, matcher.group(1)) : null;
    }
    if (args.length >= 2 && !args[1].isBlank() && args[1].length() <= 255) {
      return new Caller(Family.GECKO, args[1]);
    }
    return null;
  }

  @Override
  public String toString() {
    return family == Family.LOCAL ? "local user" : family.name().toLowerCase() + ":" + extensionId;
  }
}
