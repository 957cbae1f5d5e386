package dev.click2call.softphone.microsip;

import dev.click2call.platform.Registry;
import java.util.Optional;

/**
 * MicroSIP's own rule for where its ini lives: {@code <exe base name>.ini} in {@code
 * %APPDATA%\MicroSIP} when the exe's folder is the registered install folder (installed mode),
 * otherwise next to the exe (portable mode, always the case off Windows).
 */
final class IniLocation {
  static final String KEY = "Software\\MicroSIP";

  private IniLocation() {}

  /** The registered install folder: HKCU, then HKLM in the 32-bit and 64-bit views. */
  static Optional<String> registeredInstallFolder(Registry registry) {
    Optional<String> user = registry.readString(Registry.Hive.HKCU, KEY, "", Registry.View.DEFAULT);
    if (user.isPresent()) {
      return user;
    }
    Optional<String> machine32 =
        registry.readString(Registry.Hive.HKLM, KEY, "", Registry.View.WOW64_32);
    return machine32.isPresent()
        ? machine32
        : registry.readString(Registry.Hive.HKLM, KEY, "", Registry.View.WOW64_64);
  }

  /**
   * @param appData {@code %APPDATA%}, used only in installed mode
   */
  static String iniFor(String exe, Optional<String> installFolder, String appData) {
    String iniName = PathText.baseName(exe) + ".ini";
    String folder = PathText.folder(exe);
    if (installFolder.isPresent()
        && appData != null
        && PathText.sameWindowsFolder(installFolder.get(), folder)) {
      return PathText.join(PathText.join(appData, "MicroSIP"), iniName);
    }
    return PathText.join(folder, iniName);
  }
}
