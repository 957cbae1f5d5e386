package dev.click2call.platform;

import java.util.Locale;

/** The operating system families the product knows. Decided once from {@code os.name}. */
public enum Os {
  WINDOWS,
  MACOS,
  LINUX;

  private static final Os CURRENT = detect(System.getProperty("os.name", ""));

  public static Os current() {
    return CURRENT;
  }

  static Os detect(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return MACOS;
    }
    return LINUX;
  }
}
