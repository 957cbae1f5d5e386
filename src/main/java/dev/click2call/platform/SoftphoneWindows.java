package dev.click2call.platform;

/**
 * What one look at a softphone's windows showed.
 *
 * @param running whether its main window exists (and belongs to the expected executable)
 * @param pid the process owning the main window, or -1
 * @param statusText the text of the main window's status bar (pane 0), empty when none
 * @param ringingPopups how many of the process's ringing popups are open
 */
public record SoftphoneWindows(boolean running, long pid, String statusText, int ringingPopups) {
  public static final SoftphoneWindows GONE = new SoftphoneWindows(false, -1, "", 0);

  public SoftphoneWindows {
    statusText = statusText == null ? "" : statusText;
  }
}
