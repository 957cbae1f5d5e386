package dev.click2call.softphone.microsip;

import dev.click2call.platform.InstalledProducts;
import dev.click2call.platform.Registry;
import java.util.Locale;
import java.util.Optional;

/**
 * MicroSIP's own rule for where its ini lives (3.22.3 {@code settings.cpp} {@code
 * AccountSettings::Init}, the same in 3.20.5): {@code <exe base name>.ini} in {@code
 * %APPDATA%\MicroSIP} when the exe's folder is its install folder (installed mode), otherwise next
 * to the exe (portable mode, always the case off Windows).
 */
final class IniLocation {
  static final String KEY = "Software\\MicroSIP";
  static final String PRODUCT = "MicroSIP";

  private IniLocation() {}

  /**
   * The install folder as MicroSIP finds it for an exe in {@code exeFolder}: {@code (Default)} of
   * {@code HKCU\Software\MicroSIP}, else of {@code HKLM\Software\MicroSIP} as the 32-bit MicroSIP
   * reads it (the WOW6432Node view; it never reads the 64-bit view); when that is empty or not the
   * exe's folder, the {@code InstallLocation} of the Windows Installer product named MicroSIP
   * (trailing backslashes cut; a product without one counts as installed right here).
   */
  static Optional<String> installFolder(
      Registry registry, InstalledProducts products, String exeFolder) {
    Optional<String> found =
        registry
            .readString(Registry.Hive.HKCU, KEY, "", Registry.View.DEFAULT)
            .or(() -> registry.readString(Registry.Hive.HKLM, KEY, "", Registry.View.WOW64_32));
    if (found.isPresent() && same(found.get(), exeFolder)) {
      return found;
    }
    Optional<String> msi = products.installLocation(PRODUCT);
    if (msi.isPresent()) {
      String location = msi.get();
      while (location.endsWith("\\")) {
        location = location.substring(0, location.length() - 1);
      }
      return Optional.of(location.isEmpty() ? exeFolder : location);
    }
    return found;
  }

  /**
   * @param appData {@code %APPDATA%}, used only in installed mode
   */
  static String iniFor(String exe, Optional<String> installFolder, String appData) {
    String iniName = PathText.baseName(exe) + ".ini";
    String folder = PathText.folder(exe);
    if (installFolder.isPresent() && appData != null && same(installFolder.get(), folder)) {
      return PathText.join(PathText.join(appData, "MicroSIP"), iniName);
    }
    return PathText.join(folder, iniName);
  }

  /**
   * {@code CompareNoCase} of the install folder with the exe's folder (no trailing backslash), as
   * MicroSIP compares them: a registry value with a trailing backslash does not match.
   */
  private static boolean same(String installFolder, String exeFolder) {
    return installFolder.toLowerCase(Locale.ROOT).equals(exeFolder.toLowerCase(Locale.ROOT));
  }
}
