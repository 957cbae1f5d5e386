package dev.click2call.softphone;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.baresip.BaresipFactory;
import dev.click2call.softphone.microsip.MicroSipSetup;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the softphone adapter: the one place that knows every implementation. The environment
 * variable {@code CLICK2CALL_SOFTPHONE} wins over the {@code softphone} setting. {@code auto} means
 * MicroSIP on Windows or wherever MicroSIP is configured ({@code CLICK2CALL_MICROSIP} or {@code
 * microsip.path}, e.g. under Wine), otherwise baresip when it is installed.
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
        case "microsip" -> microsip(MicroSipSetup.from(settings, env));
        case "baresip" -> BaresipFactory.create(settings.section("baresip"), env);
        default -> auto(settings, env);
      };
    } catch (ConfigException | IllegalArgumentException e) {
      return new NoSoftphone(e.getMessage());
    }
  }

  private static Softphone auto(Settings settings, Map<String, String> env) throws ConfigException {
    MicroSipSetup microsip = MicroSipSetup.from(settings, env);
    if (Os.current() == Os.WINDOWS || microsip.configured()) {
      return microsip(microsip);
    }
    if (BaresipFactory.installed(settings.section("baresip"), env)) {
      return BaresipFactory.create(settings.section("baresip"), env);
    }
    return new NoSoftphone(
        "no supported softphone was found on this computer (MicroSIP on Windows, baresip"
            + " elsewhere)");
  }

  private static Softphone microsip(MicroSipSetup setup) {
    Optional<? extends Softphone> found = setup.softphone(UserDirs.current());
    return found.isPresent()
        ? found.get()
        : new NoSoftphone(
            "MicroSIP was not found (set CLICK2CALL_MICROSIP or microsip.path to microsip.exe)");
  }
}
