package dev.click2call.softphone.microsip;

import dev.click2call.platform.FileVersions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which MicroSIP this is, and so which commands it knows. 3.22 writes {@code version} into {@code
 * [Settings]} at every start (3.20.5 does not); otherwise the exe's version resource tells.
 *
 * @param text the version as found, e.g. {@code 3.22.3}; null when unknown
 * @param source where it was read
 */
public record MicroSipVersion(String text, String source) {
  private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)");

  static final MicroSipVersion UNKNOWN = new MicroSipVersion(null, "not found");

  /** The ini's {@code version}, else the exe's version resource, else unknown. */
  public static MicroSipVersion detect(Path ini, String exe, FileVersions versions) {
    if (ini != null) {
      try {
        Optional<String> fromIni =
            MicroSipIni.load(ini).get(HookInstaller.SETTINGS, "version").map(String::strip);
        if (fromIni.isPresent() && parse(fromIni.get()) != null) {
          return new MicroSipVersion(fromIni.get(), "its ini");
        }
      } catch (java.io.IOException | RuntimeException e) {
        // unreadable ini: try the exe
      }
    }
    return versions
        .versionOf(exe)
        .filter(v -> parse(v) != null)
        .map(v -> new MicroSipVersion(v, "the exe's version resource"))
        .orElse(UNKNOWN);
  }

  /** {major, minor}, or null. */
  private static int[] parse(String text) {
    Matcher m = NUMBERS.matcher(text);
    return m.lookingAt()
        ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}
        : null;
  }

  public boolean known() {
    return text != null;
  }

  /**
   * {@code /hangupincoming} is in 3.22.3's {@code CommandLine}, not in 3.20.5's (3.21 was not read:
   * treated as older). Older versions dial the unknown switch as a number.
   */
  public boolean hasHangupIncoming() {
    int[] v = text == null ? null : parse(text);
    return v != null && (v[0] > 3 || v[0] == 3 && v[1] >= 22);
  }

  /** One line for doctor and status. */
  public String describe() {
    if (!known()) {
      return "MicroSIP's version is unknown (no version in its ini, no version resource): decline"
          + " and hang-up of a ringing call use its Incoming Call window";
    }
    return "MicroSIP "
        + text
        + " (from "
        + source
        + "): "
        + (hasHangupIncoming()
            ? "every command works"
            : "no /hangupincoming before 3.22; decline presses the Decline button of its Incoming"
                + " Call window");
  }
}
