package dev.click2call.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The windows of one program, identified as that program identifies its own running instance: a
 * top-level window of its class whose process image is the expected executable, compared as Windows
 * compares paths (case-insensitively, either slash). Every window of the class is looked at, so a
 * second copy of the program from another folder never hides ours.
 */
public final class ProgramWindows {
  private final WindowMessenger windows;
  private final ProcessImages images;
  private final String mainClass;
  private final String exe;

  public ProgramWindows(
      WindowMessenger windows, ProcessImages images, String mainClass, String exe) {
    this.windows = windows;
    this.images = images;
    this.mainClass = mainClass;
    this.exe = exe;
  }

  public WindowMessenger messenger() {
    return windows;
  }

  /**
   * The main window of our copy. A window whose image cannot be read counts only when it is the
   * only window of the class (it cannot be told apart, and nothing else is there).
   */
  public Optional<WindowMessenger.Window> main() {
    List<WindowMessenger.Window> all = windows.findAllByClass(mainClass);
    List<WindowMessenger.Window> unknown = new ArrayList<>();
    for (WindowMessenger.Window window : all) {
      long pid = windows.processOf(window);
      Optional<String> image = pid > 0 ? images.imageOf(pid) : Optional.empty();
      if (image.isEmpty()) {
        unknown.add(window);
      } else if (samePath(image.get(), exe)) {
        return Optional.of(window);
      }
    }
    return all.size() == 1 && unknown.size() == 1 ? Optional.of(unknown.get(0)) : Optional.empty();
  }

  /**
   * The process's top-level dialogs ({@code #32770}) that have every one of these control ids: a
   * dialog is recognised by its controls, which no translation changes, and only in our process.
   */
  public List<WindowMessenger.Window> dialogsWith(
      long pid, WindowMessenger.Window main, int... controlIds) {
    List<WindowMessenger.Window> found = new ArrayList<>();
    if (pid <= 0) {
      return found;
    }
    for (WindowMessenger.Window window : windows.topLevelWindowsOf(pid)) {
      if (window.equals(main) || !"#32770".equals(windows.classOf(window))) {
        continue;
      }
      boolean all = true;
      for (int id : controlIds) {
        all &= windows.dialogItem(window, id).isPresent();
      }
      if (all) {
        found.add(window);
      }
    }
    return found;
  }

  /** Windows file names: case-insensitive, {@code /} and {@code \} alike. */
  public static boolean samePath(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String path) {
    return path.replace('/', '\\').toLowerCase(Locale.ROOT);
  }
}
