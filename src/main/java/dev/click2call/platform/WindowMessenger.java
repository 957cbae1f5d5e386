package dev.click2call.platform;

import java.util.List;
import java.util.Optional;

/** The few window operations the host needs (Win32 on Windows; nothing elsewhere). */
public interface WindowMessenger {
  /** An opaque top-level or child window handle. */
  record Window(long handle) {}

  /** The first top-level window of this class, any title ({@code FindWindowW(cls, NULL)}). */
  Optional<Window> findByClass(String windowClass);

  /** The process id that owns the window, or -1. */
  long processOf(Window window);

  /** The first child window of this class ({@code FindWindowExW}). */
  Optional<Window> findChild(Window parent, String windowClass);

  /** The window's text ({@code WM_GETTEXT}); empty when it cannot be read. */
  String text(Window window);

  /** The top-level windows of a process. */
  List<Window> topLevelWindowsOf(long pid);

  /**
   * Sends {@code WM_COPYDATA} through {@code SendMessageTimeoutW} with {@code SMTO_ABORTIFHUNG}.
   *
   * @return true when the message was delivered within the timeout
   */
  boolean sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis);

  /** Off Windows there are no windows. */
  WindowMessenger NONE =
      new WindowMessenger() {
        @Override
        public Optional<Window> findByClass(String windowClass) {
          return Optional.empty();
        }

        @Override
        public long processOf(Window window) {
          return -1;
        }

        @Override
        public Optional<Window> findChild(Window parent, String windowClass) {
          return Optional.empty();
        }

        @Override
        public String text(Window window) {
          return "";
        }

        @Override
        public List<Window> topLevelWindowsOf(long pid) {
          return List.of();
        }

        @Override
        public boolean sendCopyData(Window window, long dwData, byte[] payload, int timeout) {
          return false;
        }
      };
}
