package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneSelector;
import java.util.Map;

/**
 * The doctor's softphone check until the adapters provide their own {@link SoftphoneCheck}: asks
 * the selector which softphone host mode would use and whether it is available. The settings are
 * the ones doctor loaded once for all its softphone checks.
 */
record SelectedSoftphoneCheck(Settings settings, UserDirs dirs, Map<String, String> env)
    implements SoftphoneCheck {
  /** What this check reports instead when the settings file cannot be read. */
  static SoftphoneCheck unreadableSettings(ConfigException problem) {
    return () ->
        new SoftphoneStatus(
            "softphone",
            false,
            null,
            null,
            null,
            problem.getMessage(),
            "correct the settings file");
  }

  @Override
  public SoftphoneStatus check() {
    try (Softphone softphone = SoftphoneSelector.select(settings, env)) {
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
