package dev.click2call.platform;

/**
 * Looks at a softphone's windows on demand. Polled at a low rate: Wine never delivers WinEvent
 * hooks, and a poll costs a few window messages.
 */
public interface SoftphoneWindowWatcher {
  /**
   * The windows as they are now; empty when this look failed (a window vanished mid-look), which
   * says nothing either way. Never throws.
   */
  java.util.Optional<SoftphoneWindows> poll();
}
