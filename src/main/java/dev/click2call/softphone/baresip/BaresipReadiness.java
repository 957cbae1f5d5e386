package dev.click2call.softphone.baresip;

import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.Readiness;
import dev.click2call.softphone.Registration;
import java.nio.file.Path;

/**
 * Whether baresip can dial a clicked phone number. A running baresip is not enough: it sends a
 * number to {@code sip:<number>@<domain>}, so without {@code baresip.domain} or an account every
 * number fails. Checked first because it is the one thing a fresh install lacks.
 */
final class BaresipReadiness {
  private BaresipReadiness() {}

  static Readiness of(BaresipSettings settings, boolean available, Registration registration) {
    return of(settings, available, registration, null);
  }

  /**
   * @param configFile the settings file named in the advice; null for the running user's
   */
  static Readiness of(
      BaresipSettings settings, boolean available, Registration registration, Path configFile) {
    if (settings.effectiveDomain() == null) {
      Path file = configFile != null ? configFile : UserDirs.current().userConfigFile();
      return Readiness.notReady(
          "needs_domain",
          "baresip can dial phone numbers only through your SIP server: set \"domain\" (e.g."
              + " pbx.example.com) or \"account\" in the \"baresip\" section of "
              + file
              + ", then press Retry. sip: addresses can be dialed already.");
    }
    if (!available) {
      return Readiness.unavailable(BaresipSoftphone.KIND);
    }
    if (registration != null && registration.state() == Registration.State.FAILED) {
      String why = registration.reason() == null ? "" : " (" + registration.reason() + ")";
      return Readiness.notReady(
          "not_registered",
          "baresip could not register with your SIP server"
              + why
              + ": check \"account\" in the \"baresip\" section of the settings");
    }
    return Readiness.READY;
  }
}
