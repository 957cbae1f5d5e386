package dev.click2call.host;

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

  private static final String CHROMIUM_PREFIX = "chrome-extension://";

  /** Chromium extension ids are 32 letters from a to p. */
  private static final int CHROMIUM_ID_LENGTH = 32;

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
      String id = chromiumId(args[0].substring(CHROMIUM_PREFIX.length()));
      return id == null ? null : new Caller(Family.CHROMIUM, id);
    }
    if (args.length >= 2 && !args[1].isBlank() && args[1].length() <= 255) {
      return new Caller(Family.GECKO, args[1]);
    }
    return null;
  }

  /**
   * The id in {@code <id>} or {@code <id>/}, or null. Checked by hand rather than by a regular
   * expression: this runs before the first reply, and compiling a pattern costs start-up time.
   */
  private static String chromiumId(String rest) {
    int length = rest.endsWith("/") ? rest.length() - 1 : rest.length();
    if (length != CHROMIUM_ID_LENGTH) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char c = rest.charAt(i);
      if (c < 'a' || c > 'p') {
        return null;
      }
    }
    return rest.substring(0, length);
  }

  @Override
  public String toString() {
    return family == Family.LOCAL ? "local user" : family.name().toLowerCase() + ":" + extensionId;
  }
}
