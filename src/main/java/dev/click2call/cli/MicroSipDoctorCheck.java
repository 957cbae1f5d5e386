package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.microsip.HookInstaller;
import dev.click2call.softphone.microsip.MicroSipControl;
import dev.click2call.softphone.microsip.MicroSipIni;
import dev.click2call.softphone.microsip.MicroSipSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * The doctor's MicroSIP check: where MicroSIP is, which ini it uses, and whether its call-event
 * hooks point at Click2Call. Runs on Windows, or wherever MicroSIP is configured (e.g. Wine).
 */
final class MicroSipDoctorCheck implements SoftphoneCheck {
  private final Settings settings;
  private final Map<String, String> env;

  MicroSipDoctorCheck(Settings settings, Map<String, String> env) {
    this.settings = settings;
    this.env = env;
  }

  /** Whether doctor should look for MicroSIP at all on this computer. */
  static boolean relevant(Settings settings, Map<String, String> env) {
    try {
      return Os.current() == Os.WINDOWS || MicroSipSetup.from(settings, env).configured();
    } catch (ConfigException e) {
      return true; // report the broken microsip section
    }
  }

  @Override
  public SoftphoneStatus check() {
    Optional<MicroSipControl> control;
    try {
      control = MicroSipSetup.from(settings, env).control();
    } catch (ConfigException e) {
      return new SoftphoneStatus(
          "MicroSIP", false, null, null, null, e.getMessage(), "correct the settings file");
    }
    if (control.isEmpty()) {
      return new SoftphoneStatus(
          "MicroSIP",
          false,
          null,
          null,
          null,
          "MicroSIP was not found",
          "install MicroSIP, or set CLICK2CALL_MICROSIP or microsip.path in "
              + UserDirs.current().userConfigFile());
    }
    var install = control.get().install();
    if (!Files.isRegularFile(install.ini())) {
      return new SoftphoneStatus(
          "MicroSIP",
          true,
          install.exe(),
          install.ini().toString(),
          false,
          "MicroSIP's settings file does not exist yet",
          "start MicroSIP once, then run: click2call microsip hooks install");
    }
    try {
      boolean hooks = HookInstaller.allInstalled(MicroSipIni.load(install.ini()));
      return new SoftphoneStatus(
          "MicroSIP",
          true,
          install.exe(),
          install.ini().toString(),
          hooks,
          hooks ? null : "MicroSIP's call-event hooks do not point at Click2Call",
          hooks ? null : "run: click2call microsip hooks install");
    } catch (IOException e) {
      return new SoftphoneStatus(
          "MicroSIP",
          true,
          install.exe(),
          install.ini().toString(),
          null,
          "cannot read MicroSIP's settings file: " + e.getMessage(),
          "check the file's permissions");
    }
  }
}
