package dev.click2call.platform;

import java.util.Optional;

/**
 * Finds a softphone's main window ({@link ProgramWindows}: by class and process image), reads its
 * status bar ({@code msctls_statusbar32}) and counts the process's own ringing popups, recognised
 * by their control ids (never by title, which is translated, and never another program's).
 */
public final class PollingWindowWatcher implements SoftphoneWindowWatcher {
  static final String STATUS_BAR_CLASS = "msctls_statusbar32";

  private final ProgramWindows program;
  private final int[] popupControls;

  /**
   * @param exe the executable the window's process must run (compared case-insensitively)
   * @param popupControls the control ids every ringing popup has
   */
  public PollingWindowWatcher(
      WindowMessenger windows,
      ProcessImages images,
      String mainClass,
      String exe,
      int... popupControls) {
    this.program = new ProgramWindows(windows, images, mainClass, exe);
    this.popupControls = popupControls.clone();
  }

  @Override
  public Optional<SoftphoneWindows> poll() {
    try {
      WindowMessenger windows = program.messenger();
      Optional<WindowMessenger.Window> main = program.main();
      if (main.isEmpty()) {
        return Optional.of(SoftphoneWindows.GONE);
      }
      long pid = windows.processOf(main.get());
      String status = windows.findChild(main.get(), STATUS_BAR_CLASS).map(windows::text).orElse("");
      int popups =
          popupControls.length == 0
              ? 0
              : program.dialogsWith(pid, main.get(), popupControls).size();
      return Optional.of(new SoftphoneWindows(true, pid, status, popups));
    } catch (RuntimeException e) {
      // A window that vanished mid-look: the next poll sees the new state.
      return Optional.empty();
    }
  }
}
