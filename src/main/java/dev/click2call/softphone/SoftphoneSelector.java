package dev.click2call.softphone;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.microsip.MicroSipSetup;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the softphone adapter: the one place that knows every implementation. The environment
 * variable {@code CLICK2CALL_SOFTPHONE} wins over the {@code softphone} setting. With {@code auto},
 * MicroSIP is the choice on Windows, and elsewhere when it is configured ({@code
 * CLICK2CALL_MICROSIP} or {@code microsip.path}, e.g. under Wine or the test emulator).
 */
public final class SoftphoneSelector {
  private SoftphoneSelector() {}

  public static Softphone select(Settings settings, Map<String, String> env) {
    String choice = env.getOrDefault("CLICK2CALL_SOFTPHONE", settings.softphone());
    choice = choice.toLowerCase(Locale.ROOT).strip();
    if (!Settings.SOFTPHONES.contains(choice)) {
      return new NoSoftphone(
          "CLICK2CALL_SOFTPHONE='" + choice + "' is not one of auto, microsip, baresip, none");
    }
    try {
      return switch (choice) {
        case "none" -> new NoSoftphone("no softphone is configured (softphone: none)");
        case "microsip" -> microsip(settings, env, true);
        case "auto" -> microsip(settings, env, false);
        default -> new NoSoftphone("no supported softphone was found on this computer");
      };
    } catch (ConfigException | IllegalArgumentException e) {
      return new NoSoftphone(e.getMessage());
    }
  }

  private static Softphone microsip(Settings settings, Map<String, String> env, boolean chosen)
      throws ConfigException {
    MicroSipSetup setup = MicroSipSetup.from(settings, env);
    if (!chosen && Os.current() != Os.WINDOWS && !setup.configured()) {
      return new NoSoftphone("no supported softphone was found on this computer");
    }
    Optional<? extends Softphone> found = setup.softphone(UserDirs.current());
    return found.isPresent()
        ? found.get()
        : new NoSoftphone(
            "MicroSIP was not found (set CLICK2CALL_MICROSIP or microsip.path to microsip.exe)");
  }
}
