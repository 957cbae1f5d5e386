package dev.click2call.softphone.microsip;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import dev.click2call.platform.Win32;
import java.util.Map;
import java.util.Optional;

/** Builds the MicroSIP pieces from settings and environment (the selector decides whether). */
public final class MicroSipSetup {
  private final MicroSipLocator locator;

  private MicroSipSetup(MicroSipLocator locator) {
    this.locator = locator;
  }

  public static MicroSipSetup from(Settings settings, Map<String, String> env)
      throws ConfigException {
    return new MicroSipSetup(
        MicroSipLocator.forCurrentSystem(env, MicroSipSettings.read(settings.section("microsip"))));
  }

  public boolean configured() {
    return locator.configured();
  }

  /**
   * @throws IllegalArgumentException when {@code CLICK2CALL_MICROSIP} is malformed
   */
  public Optional<MicroSipControl> control() {
    return locator
        .locate()
        .map(install -> new MicroSipControl(install, Win32.forCurrentOs(), Os.current()));
  }

  /** The adapter, listening for hook events under the user's runtime folder. */
  public Optional<MicroSipSoftphone> softphone(UserDirs dirs) {
    return control().map(c -> new MicroSipSoftphone(c, new HookEndpoints(dirs.runtimeDir())));
  }
}
