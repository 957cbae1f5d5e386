package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneProbe;
import dev.click2call.softphone.SoftphoneSelector;
import java.util.Map;

/**
 * The doctor's softphone check until the adapters provide their own {@link SoftphoneCheck}: asks
 * the selector which softphone host mode would use, starts it and waits (at most 5 s) until it is
 * reachable. The settings are the ones doctor loaded once for all its softphone checks.
 */
record SelectedSoftphoneCheck(Settings settings, UserDirs dirs, Map<String, String> env)
    implements SoftphoneCheck {
  /** How long the check gives the softphone to become reachable (baresip: start and connect). */
  private static final long REACH_MILLIS = 5000;

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
      boolean available = SoftphoneProbe.startAndAwait(softphone, REACH_MILLIS);
      return new SoftphoneStatus(
          softphone.kind(),
          available,
          null,
          null,
          null,
          available ? null : softphone.kind() + " is not available",
          "install MicroSIP (Windows) or baresip (Linux, macOS), or set \"softphone\" in "
              + dirs.userConfigFile());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SoftphoneStatus(
          "softphone", false, null, null, null, "the check was interrupted", "run doctor again");
    }
  }
}
