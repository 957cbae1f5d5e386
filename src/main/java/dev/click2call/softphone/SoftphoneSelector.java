package dev.click2call.softphone;

import dev.click2call.config.Settings;
import dev.click2call.platform.Os;
import dev.click2call.softphone.baresip.BaresipFactory;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the softphone adapter: the one place that knows every implementation. The environment
 * variable {@code CLICK2CALL_SOFTPHONE} wins over the {@code softphone} setting.
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
    return switch (choice) {
      case "none" -> new NoSoftphone("no softphone is configured (softphone: none)");
      case "baresip" -> BaresipFactory.create(settings.section("baresip"), env);
      case "auto" ->
          Os.current() != Os.WINDOWS && BaresipFactory.installed(settings.section("baresip"), env)
              ? BaresipFactory.create(settings.section("baresip"), env)
              : new NoSoftphone("no supported softphone was found on this computer");
      default -> new NoSoftphone("no supported softphone was found on this computer");
    };
  }
}
