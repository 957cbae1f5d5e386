package dev.click2call.platform;

import java.util.List;
import java.util.Optional;

/**
 * The few window operations the host needs (Win32 on Windows; nothing elsewhere). Every message is
 * sent with {@code SendMessageTimeoutW} and {@code SMTO_ABORTIFHUNG}: a hung or busy receiver never
 * blocks the host.
 */
public interface WindowMessenger {
  /** An opaque top-level or child window handle. */
  record Window(long handle) {}

  /**
   * Every top-level window of this class, topmost first ({@code EnumWindows} + {@code
   * GetClassNameW}). {@code FindWindowW} would return only the first: with two copies of a program
   * running, that may be the wrong one.
   */
  List<Window> findAllByClass(String windowClass);

  /** The first top-level window of this class. */
  default Optional<Window> findByClass(String windowClass) {
    return findAllByClass(windowClass).stream().findFirst();
  }

  /** The process id that owns the window, or -1. */
  long processOf(Window window);

  /** The first child window of this class ({@code FindWindowExW}). */
  Optional<Window> findChild(Window parent, String windowClass);

  /** A dialog's control by its id ({@code GetDlgItem}); the same in every language. */
  Optional<Window> dialogItem(Window dialog, int controlId);

  /** The window's text ({@code WM_GETTEXT}); empty when it cannot be read. */
  String text(Window window);

  /** The window's class name ({@code GetClassNameW}); empty when it cannot be read. */
  String classOf(Window window);

  /** The top-level windows of a process. */
  List<Window> topLevelWindowsOf(long pid);

  /** {@code WM_COPYDATA}; the result carries the receiver's full pointer-sized reply. */
  SendResult sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis);

  /** {@code WM_CLOSE}: what a program's {@code /exit} switch sends its running instance. */
  SendResult close(Window window, int timeoutMillis);

  /**
   * A press of a dialog's button: {@code WM_COMMAND} with {@code BN_CLICKED} and the control's id
   * and handle, as the dialog gets from a click (works while the dialog is not in front).
   */
  SendResult clickButton(Window dialog, int controlId, int timeoutMillis);

  /** Off Windows there are no windows. */
  WindowMessenger NONE =
      new WindowMessenger() {
        @Override
        public List<Window> findAllByClass(String windowClass) {
          return List.of();
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
        public Optional<Window> dialogItem(Window dialog, int controlId) {
          return Optional.empty();
        }

        @Override
        public String text(Window window) {
          return "";
        }

        @Override
        public String classOf(Window window) {
          return "";
        }

        @Override
        public List<Window> topLevelWindowsOf(long pid) {
          return List.of();
        }

        @Override
        public SendResult sendCopyData(Window window, long dwData, byte[] payload, int timeout) {
          return SendResult.NO_WINDOWS;
        }

        @Override
        public SendResult close(Window window, int timeoutMillis) {
          return SendResult.NO_WINDOWS;
        }

        @Override
        public SendResult clickButton(Window dialog, int controlId, int timeoutMillis) {
          return SendResult.NO_WINDOWS;
        }
      };
}
