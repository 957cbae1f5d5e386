package dev.click2call.softphone.microsip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hook values as MicroSIP reads and runs them. MicroSIP reads a value with {@code
 * GetPrivateProfileString} (one pair of outer quotes is stripped when the value both starts and
 * ends with {@code "}), splits it with {@code CommandLineToArgvW}, runs the first token with the
 * rest re-joined by single spaces, and appends the remote party as the last argument.
 */
public final class HookValues {
  /** MicroSIP reads each hook into a 256-character buffer. */
  public static final int MAX_VALUE_CHARS = 255;

  /**
   * The native hook program (src/main/c/hook), installed beside the jar on Windows. Its value is
   * {@code <program> <event>}: it takes the event as its first argument, not after {@code hook}.
   */
  public static final String HOOK_PROGRAM = "click2call-hook.exe";

  /**
   * Launchers Windows runs through an interpreter. MicroSIP appends the caller's id unquoted and
   * starts the hook with ShellExecuteEx, so a .bat or .cmd runs through cmd.exe, where a caller id
   * such as {@code 1&calc} runs a command; the script hosts re-parse their arguments too.
   */
  private static final List<String> SCRIPT_EXTENSIONS =
      List.of(
          ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".msc",
          ".lnk", ".pif", ".url");

  private HookValues() {}

  /**
   * The value that makes MicroSIP run {@code <launcher> hook <event>}. A path with spaces is
   * quoted; the value then ends with the event name, so the outer-quote stripping cannot break it.
   *
   * @throws IllegalArgumentException when the launcher cannot be expressed safely
   */
  public static String valueFor(String launcher, HookKey key) {
    if (launcher.isEmpty() || launcher.indexOf('"') >= 0) {
      throw new IllegalArgumentException("the launcher path must not be empty or contain quotes");
    }
    for (int i = 0; i < launcher.length(); i++) {
      if (launcher.charAt(i) < 0x20) {
        throw new IllegalArgumentException("the launcher path contains a control character");
      }
    }
    refuseScripts(launcher);
    String program =
        launcher.indexOf(' ') >= 0 || launcher.indexOf('\t') >= 0
            ? "\"" + launcher + "\""
            : launcher;
    String value =
        isHookProgram(launcher) ? program + " " + key.event() : program + " hook " + key.event();
    if (value.length() > MAX_VALUE_CHARS) {
      throw new IllegalArgumentException(
          "the hook command would be longer than MicroSIP's " + MAX_VALUE_CHARS + " characters");
    }
    return value;
  }

  /** The native launcher that sits beside the hook program and runs {@code click2call hook}. */
  public static final String HOST_LAUNCHER = "click2call-host.exe";

  /**
   * The value for each hook key. The native hook program only forwards the event; a key for which
   * the user had a command of their own (chained, run after ours) gets {@code click2call-host.exe
   * hook <event>} from the same folder instead, whose Java hook runner also runs that command.
   *
   * @param chainedKeys ini keys that have a user command chained
   */
  public static Map<String, String> valuesFor(String launcher, Set<String> chainedKeys) {
    Map<String, String> values = new LinkedHashMap<>();
    for (HookKey key : HookKey.values()) {
      boolean needsRunner = isHookProgram(launcher) && chainedKeys.contains(key.iniKey());
      values.put(
          key.iniKey(), valueFor(needsRunner ? siblingHostLauncher(launcher) : launcher, key));
    }
    return values;
  }

  private static String siblingHostLauncher(String hookProgram) {
    int slash = Math.max(hookProgram.lastIndexOf('\\'), hookProgram.lastIndexOf('/'));
    return hookProgram.substring(0, slash + 1) + HOST_LAUNCHER;
  }

  /** Whether a value (as stored in the ini) is the click2call hook for this key. */
  public static boolean isOurs(String rawValue, HookKey key) {
    List<String> tokens = split(profileValue(rawValue));
    if (tokens.size() == 2) {
      return isHookProgram(tokens.get(0)) && tokens.get(1).equals(key.event());
    }
    return tokens.size() == 3 && tokens.get(1).equals("hook") && tokens.get(2).equals(key.event());
  }

  /** Whether the path names the native hook program (any folder, any case). */
  public static boolean isHookProgram(String path) {
    return fileName(path).equalsIgnoreCase(HOOK_PROGRAM);
  }

  /**
   * Refuses launchers that Windows would run through cmd.exe or a script host.
   *
   * @throws IllegalArgumentException with what to use instead
   */
  public static void refuseScripts(String launcher) {
    String name = fileName(launcher).toLowerCase(java.util.Locale.ROOT);
    // Windows ignores trailing dots and spaces: "hook.bat. " runs hook.bat.
    int end = name.length();
    while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    name = name.substring(0, end);
    for (String extension : SCRIPT_EXTENSIONS) {
      if (name.endsWith(extension)) {
        throw new IllegalArgumentException(
            "refusing "
                + launcher
                + " as MicroSIP's hook: MicroSIP appends the caller's id unquoted and a "
                + extension
                + " file runs through a command interpreter, so a caller id such as 1&calc would"
                + " run commands; use "
                + HOOK_PROGRAM
                + " (installed beside click2call.jar)");
      }
    }
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    return path.substring(slash + 1);
  }

  /** What {@code GetPrivateProfileString} returns for a stored value. */
  public static String profileValue(String raw) {
    String value = raw.strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /**
   * The argument vector MicroSIP's {@code RunCmd} produces for a stored value and a remote party:
   * the program, the remaining tokens (their quotes lost), then the remote party.
   */
  public static List<String> argvFor(String rawValue, String remote) {
    List<String> tokens = split(profileValue(rawValue));
    List<String> argv = new ArrayList<>(tokens);
    if (!argv.isEmpty() && !remote.isEmpty()) {
      argv.add(remote);
    }
    return argv;
  }

  /**
   * {@code CommandLineToArgvW}'s splitting: whitespace separates, quotes group, {@code \"} escapes.
   */
  public static List<String> split(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inQuotes = false;
    boolean inToken = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        int slashes = 0;
        while (i < text.length() && text.charAt(i) == '\\') {
          slashes++;
          i++;
        }
        if (i < text.length() && text.charAt(i) == '"') {
          current.append("\\".repeat(slashes / 2));
          if (slashes % 2 == 1) {
            current.append('"');
            i++;
          }
        } else {
          current.append("\\".repeat(slashes));
        }
        inToken = true;
        continue;
      }
      if (c == '"') {
        inQuotes = !inQuotes;
        inToken = true;
      } else if ((c == ' ' || c == '\t') && !inQuotes) {
        if (inToken) {
          tokens.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
      i++;
    }
    if (inToken) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
