package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.microsip.MicroSipControl;
import dev.click2call.softphone.microsip.MicroSipSetup;

/** What the one-shot commands share: settings, folders and the located MicroSIP. */
final class CliContext {
  final UserDirs dirs = UserDirs.current();
  final Settings settings;

  CliContext() {
    try {
      settings = Settings.load(dirs);
    } catch (ConfigException e) {
      throw new CommandFailure(ExitCodes.BAD_SETTINGS, e.getMessage());
    }
  }

  MicroSipSetup microsip() {
    try {
      return MicroSipSetup.from(settings, System.getenv());
    } catch (ConfigException e) {
      throw new CommandFailure(ExitCodes.BAD_SETTINGS, e.getMessage());
    }
  }

  MicroSipControl microsipControl() {
    try {
      return microsip()
          .control()
          .orElseThrow(
              () ->
                  new CommandFailure(
                      ExitCodes.FAILURE,
                      "MicroSIP was not found (set CLICK2CALL_MICROSIP or microsip.path)"));
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.BAD_SETTINGS, e.getMessage());
    }
  }
}
