package dev.click2call.cli;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.install.doctor.Finding;
import dev.click2call.install.doctor.SoftphoneCheck;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.platform.Os;
import dev.click2call.platform.UnixSockets;
import dev.click2call.platform.UserDirs;
import dev.click2call.platform.Win32;
import dev.click2call.softphone.microsip.HookInstaller;
import dev.click2call.softphone.microsip.MicroSipControl;
import dev.click2call.softphone.microsip.MicroSipIni;
import dev.click2call.softphone.microsip.MicroSipSetup;
import dev.click2call.softphone.microsip.MicroSipVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The doctor's MicroSIP check: where MicroSIP is, which ini it uses, and whether its call-event
 * hooks point at Click2Call. Runs on Windows, or wherever MicroSIP is configured (e.g. Wine).
 */
final class MicroSipDoctorCheck implements SoftphoneCheck {
  private final Settings settings;
  private final Map<String, String> env;
  private final BooleanSupplier unixSockets;

  MicroSipDoctorCheck(Settings settings, Map<String, String> env) {
    this(settings, env, UnixSockets::supported);
  }

  /**
   * @param unixSockets whether this system has AF_UNIX sockets (the hook endpoint needs them)
   */
  MicroSipDoctorCheck(Settings settings, Map<String, String> env, BooleanSupplier unixSockets) {
    this.settings = settings;
    this.env = env;
    this.unixSockets = unixSockets;
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
    SoftphoneStatus status = basic();
    return status.withNotes(platformNotes());
  }

  /** What this computer's platform allows: window observation (JNA) and the hook endpoint. */
  private List<Finding> platformNotes() {
    List<Finding> notes = new ArrayList<>();
    String jna = Win32.forCurrentOs().unavailable();
    if (jna != null) {
      notes.add(
          Finding.warn(
              jna,
              "allow Click2Call's jna\\jnidispatch.dll (beside click2call.jar) in AppLocker/WDAC or"
                  + " the endpoint protection, or reinstall Click2Call"));
    }
    if (!unixSockets.getAsBoolean()) {
      notes.add(
          Finding.fail(
              "hooks unavailable: this Windows has no Unix-domain sockets (AF_UNIX), so"
                  + " MicroSIP's call events cannot reach the host; dialing still works",
              "update to Windows 10 version 1803 or later (or a Server build with AF_UNIX)"));
    }
    return notes;
  }

  private SoftphoneStatus basic() {
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
    Finding version =
        Finding.info(
            MicroSipVersion.detect(install.ini(), install.exe(), control.get().win32().versions())
                .describe());
    try {
      boolean hooks = HookInstaller.allInstalled(MicroSipIni.load(install.ini()));
      return new SoftphoneStatus(
          "MicroSIP",
          true,
          install.exe(),
          install.ini().toString(),
          hooks,
          hooks ? null : "MicroSIP's call-event hooks do not point at Click2Call",
          hooks ? null : "run: click2call microsip hooks install",
          List.of(version));
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
