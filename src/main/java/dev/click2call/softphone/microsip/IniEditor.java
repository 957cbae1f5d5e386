package dev.click2call.softphone.microsip;

import java.io.IOException;

/**
 * Edits MicroSIP's ini safely: MicroSIP rewrites {@code [Settings]} from memory when it exits, so a
 * running MicroSIP is stopped gracefully ({@code /exit}) first and started again afterwards.
 */
final class IniEditor {
  static final long STOP_TIMEOUT_MILLIS = 15_000;

  /** One change to the loaded ini. */
  interface Edit<T> {
    T apply(MicroSipIni ini) throws IOException;
  }

  private final MicroSipControl control;

  IniEditor(MicroSipControl control) {
    this.control = control;
  }

  <T> T edit(Edit<T> edit) throws IOException, InterruptedException {
    if (control.install().ini() == null) {
      throw new IOException("MicroSIP's ini file is not known; set microsip.ini in the settings");
    }
    boolean wasRunning = control.isRunning();
    if (wasRunning && !control.stop(STOP_TIMEOUT_MILLIS)) {
      throw new IOException("MicroSIP did not exit within " + STOP_TIMEOUT_MILLIS / 1000 + " s");
    }
    MicroSipIni ini = MicroSipIni.load(control.install().ini());
    T result = edit.apply(ini);
    ini.save();
    if (wasRunning) {
      control.start();
    }
    return result;
  }
}
