package dev.click2call.softphone.baresip;

import dev.click2call.config.ConfigException;
import dev.click2call.config.ConfigNode;
import dev.click2call.config.Settings;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.platform.Os;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneSelector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code doctor}'s baresip audio check: can the baresip the host would start open its microphone
 * and speaker? Says what to install or set when it cannot (a call would otherwise be answered and
 * dropped with a bare {@code Unknown error -2}).
 */
public final class BaresipDoctorCheck implements SoftphoneCheck {
  private final ConfigNode section;
  private final Map<String, String> env;
  private final Path scratch;

  /**
   * @param section the {@code baresip} settings section
   * @param scratch the user's runtime folder, for the check's private scratch folder
   */
  public BaresipDoctorCheck(ConfigNode section, Map<String, String> env, Path scratch) {
    this.section = section;
    this.env = env;
    this.scratch = scratch;
  }

  /** Whether host mode would use baresip with these settings (creating it starts nothing). */
  public static boolean relevant(Settings settings, Map<String, String> env) {
    try (Softphone selected = SoftphoneSelector.select(settings, env)) {
      return selected.kind().equals(BaresipSoftphone.KIND);
    }
  }

  @Override
  public SoftphoneStatus check() {
    BaresipSettings settings;
    try {
      settings = BaresipSettings.from(section, Os.current());
    } catch (ConfigException e) {
      return status(false, null, e.getMessage(), "correct the baresip section of the settings");
    }
    if (settings.mode().equals("attach")) {
      return status(true, null, null, null); // the user's own baresip has its own audio setup
    }
    Optional<Path> executable = BaresipLocator.find(settings.path(), env);
    if (executable.isEmpty()) {
      return status(false, null, "baresip is not installed", "apt install baresip-core");
    }
    try {
      AudioCheck.Result result = AudioCheck.run(settings, executable.get(), scratch);
      String location =
          executable.get()
              + " (microphone "
              + result.source()
              + ", speaker "
              + result.player()
              + ")";
      return status(result.ok(), location, result.problem(), result.fix());
    } catch (IOException e) {
      return status(
          false, executable.get().toString(), "the audio check failed: " + e.getMessage(), null);
    }
  }

  private static SoftphoneStatus status(boolean ok, String location, String problem, String fix) {
    return new SoftphoneStatus("baresip audio", ok, location, null, null, problem, fix);
  }
}
