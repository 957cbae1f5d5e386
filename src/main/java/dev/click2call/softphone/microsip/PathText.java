package dev.click2call.softphone.microsip;

import java.util.Locale;

/**
 * Folder and base name of a path given as text, for Windows paths ({@code C:\x\microsip.exe}) as
 * well as POSIX ones, on any OS (the locator reasons about Windows paths in tests on Linux).
 */
final class PathText {
  private PathText() {}

  static String folder(String path) {
    int cut = lastSeparator(path);
    return cut < 0 ? "" : path.substring(0, cut);
  }

  static String fileName(String path) {
    return path.substring(lastSeparator(path) + 1);
  }

  /** The file name without its extension: MicroSIP names its ini after it. */
  static String baseName(String path) {
    String name = fileName(path);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  static String join(String folder, String name) {
    String separator = folder.indexOf('\\') >= 0 || folder.matches("^[A-Za-z]:.*") ? "\\" : "/";
    return folder.endsWith(separator) ? folder + name : folder + separator + name;
  }

  /** Windows compares paths case-insensitively and ignores a trailing separator. */
  static boolean sameWindowsFolder(String a, String b) {
    return trimSeparators(a)
        .toLowerCase(Locale.ROOT)
        .equals(trimSeparators(b).toLowerCase(Locale.ROOT));
  }

  private static String trimSeparators(String path) {
    String p = path.replace('/', '\\');
    while (p.endsWith("\\") && p.length() > 3) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static int lastSeparator(String path) {
    return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  }
}
