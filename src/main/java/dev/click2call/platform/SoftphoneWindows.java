package dev.click2call.platform;

import java.util.List;

/**
 * What one look at a softphone's windows showed.
 *
 * @param running whether its main window exists (and belongs to the expected executable)
 * @param pid the process owning the main window, or -1
 * @param statusText the text of the main window's status bar (pane 0), empty when none
 * @param dialogTitles titles of the process's other top-level dialogs (class {@code #32770})
 */
public record SoftphoneWindows(
    boolean running, long pid, String statusText, List<String> dialogTitles) {
  public static final SoftphoneWindows GONE = new SoftphoneWindows(false, -1, "", List.of());

  public SoftphoneWindows {
    statusText = statusText == null ? "" : statusText;
    dialogTitles = List.copyOf(dialogTitles);
  }
}
