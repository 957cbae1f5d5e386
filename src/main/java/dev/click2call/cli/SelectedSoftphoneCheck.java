package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneSelector;

/**
 * The doctor's softphone check until the adapters provide their own {@link SoftphoneCheck}: asks
 * the selector which softphone host mode would use and whether it is available.
 */
final class SelectedSoftphoneCheck implements SoftphoneCheck {
  @Override
  public SoftphoneStatus check() {
    UserDirs dirs = UserDirs.current();
    Settings settings;
    try {
      settings = Settings.load(dirs);
    } catch (ConfigException e) {
      return new SoftphoneStatus(
          "softphone", false, null, null, null, e.getMessage(), "correct the settings file");
    }
    try (Softphone softphone = SoftphoneSelector.select(settings, System.getenv())) {
      return new SoftphoneStatus(
          softphone.kind(),
          softphone.available(),
          null,
          null,
          null,
          softphone.available() ? null : softphone.kind() + " is not available",
          "install MicroSIP (Windows) or baresip (Linux, macOS), or set \"softphone\" in "
              + dirs.userConfigFile());
    }
  }
}
