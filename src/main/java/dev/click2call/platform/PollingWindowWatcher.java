package dev.click2call.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a softphone's main window by class, checks that its process runs the expected executable,
 * reads its status bar ({@code msctls_statusbar32}) and lists the process's own top-level dialogs
 * ({@code #32770}): a popup is matched by its owning process, never by title alone.
 */
public final class PollingWindowWatcher implements SoftphoneWindowWatcher {
  static final String STATUS_BAR_CLASS = "msctls_statusbar32";
  static final String DIALOG_CLASS = "#32770";

  private final WindowMessenger windows;
  private final ProcessImages images;
  private final String mainClass;
  private final String exe;

  /**
   * @param exe the executable the window's process must run (compared case-insensitively)
   */
  public PollingWindowWatcher(
      WindowMessenger windows, ProcessImages images, String mainClass, String exe) {
    this.windows = windows;
    this.images = images;
    this.mainClass = mainClass;
    this.exe = exe;
  }

  @Override
  public Optional<SoftphoneWindows> poll() {
    try {
      Optional<WindowMessenger.Window> main = windows.findByClass(mainClass);
      if (main.isEmpty()) {
        return Optional.of(SoftphoneWindows.GONE);
      }
      long pid = windows.processOf(main.get());
      Optional<String> image = pid > 0 ? images.imageOf(pid) : Optional.empty();
      if (image.isPresent() && !image.get().equalsIgnoreCase(exe)) {
        return Optional.of(SoftphoneWindows.GONE); // another copy of the program, not ours
      }
      String status = windows.findChild(main.get(), STATUS_BAR_CLASS).map(windows::text).orElse("");
      List<String> dialogs = new ArrayList<>();
      if (pid > 0) {
        for (WindowMessenger.Window window : windows.topLevelWindowsOf(pid)) {
          if (!window.equals(main.get()) && DIALOG_CLASS.equals(windows.classOf(window))) {
            dialogs.add(windows.text(window));
          }
        }
      }
      return Optional.of(new SoftphoneWindows(true, pid, status, dialogs));
    } catch (RuntimeException e) {
      // A window that vanished mid-look: the next poll sees the new state.
      return Optional.empty();
    }
  }
}
