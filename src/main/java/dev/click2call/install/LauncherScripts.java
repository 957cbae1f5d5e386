package dev.click2call.install;

import java.nio.file.Path;
import java.util.List;

/**
 * The launcher programs {@code install} writes beside the jar when no native launcher is given: a
 * POSIX shell script (Linux, macOS) and a {@code .bat} fallback (Windows, needs cmd.exe).
 */
public final class LauncherScripts {
  /**
   * JVM options of every launcher, from the one {@code jvm.options} resource: among them {@code
   * -Xlog:disable -Xlog:all=warning:stderr}, which keep JVM logging off standard output (it carries
   * protocol frames), and the start-up and memory tuning.
   */
  public static final List<String> JVM_OPTIONS = JvmOptions.withoutArchive();

  /**
   * The class every launcher names, with the jar as the class path rather than {@code -jar}: a
   * {@code -jar} start opens the jar to read its manifest (thousands of entries, milliseconds of
   * interpreted code); named this way, with the archive, the JVM takes every class of a host's
   * start from the archive and does not open the jar at all.
   */
  public static final String MAIN_CLASS = "dev.click2call.Main";

  /** A class-data-sharing archive beside the jar, used when present (faster start-up). */
  public static final String CDS_ARCHIVE = "click2call.jsa";

  /** File name of the generated POSIX launcher. */
  public static final String POSIX_NAME = "click2call-host";

  /** File name of the generated Windows fallback launcher. */
  public static final String BAT_NAME = "click2call-host.bat";

  /** Characters that cmd.exe expands or splits on even inside quotes, or that break quoting. */
  private static final String CMD_UNSAFE = "%^!\"&|<>";

  private LauncherScripts() {}

  /**
   * A {@code /bin/sh} script that starts the jar with an absolute java (the browser's {@code PATH}
   * may be minimal) and {@code exec}, so the browser's signals reach the JVM directly.
   */
  public static String posix(Path java, Path jar) {
    Path archive = jar.resolveSibling(CDS_ARCHIVE);
    return String.join(
        "\n",
        "#!/bin/sh",
        "# Click2Call native-messaging launcher, written by `click2call install`.",
        "# Browsers start it with a minimal environment, so every path is absolute.",
        "# Standard output carries protocol frames only: JVM logging goes to stderr.",
        "JAVA=" + shellQuote(java.toString()),
        "JAR=" + shellQuote(jar.toString()),
        "CDS_ARCHIVE=" + shellQuote(archive.toString()),
        "# JVM options (from jvm.options in the jar):",
        "JVM_OPTIONS=" + shellQuote(String.join(" ", JVM_OPTIONS)),
        "if [ -f \"$CDS_ARCHIVE\" ]; then",
        "  # shellcheck disable=SC2086 # JVM_OPTIONS is a list of words",
        "  exec \"$JAVA\" $JVM_OPTIONS -XX:SharedArchiveFile=\"$CDS_ARCHIVE\" -cp \"$JAR\" "
            + MAIN_CLASS
            + " \"$@\"",
        "fi",
        "# shellcheck disable=SC2086",
        "exec \"$JAVA\" $JVM_OPTIONS -cp \"$JAR\" " + MAIN_CLASS + " \"$@\"",
        "");
  }

  /**
   * The Windows fallback: Chrome starts it through cmd.exe, so it fails where cmd.exe is disabled
   * by policy ({@code DisableCMD}); prefer the native {@code click2call.exe}.
   */
  public static String bat(Path java, Path jar) {
    requireCmdSafe(java);
    requireCmdSafe(jar);
    return String.join(
        "\r\n",
        "@echo off",
        "rem Click2Call native-messaging launcher, written by `click2call install`.",
        "rem Fallback: Chrome starts it through cmd.exe. Prefer click2call.exe.",
        "\""
            + java
            + "\" "
            + String.join(" ", JVM_OPTIONS)
            + " -cp \""
            + jar
            + "\" "
            + MAIN_CLASS
            + " %*",
        "");
  }

  /** Whether cmd.exe would mangle this path (e.g. {@code %} expands, {@code ^} escapes). */
  public static boolean cmdSafe(String path) {
    return path.chars().noneMatch(c -> CMD_UNSAFE.indexOf(c) >= 0);
  }

  private static void requireCmdSafe(Path path) {
    if (!cmdSafe(path.toString())) {
      throw new IllegalArgumentException(
          "the path "
              + path
              + " contains one of "
              + CMD_UNSAFE
              + ", which cmd.exe would change; install into a folder without them");
    }
  }

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
