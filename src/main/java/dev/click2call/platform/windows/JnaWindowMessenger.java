package dev.click2call.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import dev.click2call.platform.SendResult;
import dev.click2call.platform.WindowMessenger;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Win32 window access through JNA (user32). Only built by {@code Win32} on Windows. */
public final class JnaWindowMessenger implements WindowMessenger {
  private static final int WM_GETTEXT = 0x000D;
  private static final int WM_CLOSE = 0x0010;
  private static final int WM_COPYDATA = 0x004A;
  private static final int WM_COMMAND = 0x0111;
  private static final int SMTO_ABORTIFHUNG = 0x0002;
  private static final int TEXT_TIMEOUT_MILLIS = 500;
  private static final int MAX_TEXT_CHARS = 512;
  private static final int MAX_CLASS_CHARS = 257; // class names are at most 256 characters

  /** Loads user32 now (a blocked native library fails here, where {@code Win32} catches it). */
  public void loadNow() {
    User32Calls.INSTANCE.hashCode();
    User32.INSTANCE.hashCode();
  }

  /** The slot {@code SendMessageTimeoutW} writes its {@code DWORD_PTR} result into. */
  static BaseTSD.ULONG_PTRByReference resultSlot() {
    return new BaseTSD.ULONG_PTRByReference();
  }

  @Override
  public List<Window> findAllByClass(String windowClass) {
    List<Window> found = new ArrayList<>();
    User32.INSTANCE.EnumWindows(
        (hwnd, data) -> {
          Window window = new Window(Pointer.nativeValue(hwnd.getPointer()));
          if (windowClass.equals(classOf(window))) {
            found.add(window);
          }
          return true;
        },
        null);
    return found;
  }

  @Override
  public long processOf(Window window) {
    IntByReference pid = new IntByReference();
    User32.INSTANCE.GetWindowThreadProcessId(hwnd(window), pid);
    return pid.getValue() == 0 ? -1 : Integer.toUnsignedLong(pid.getValue());
  }

  @Override
  public Optional<Window> findChild(Window parent, String windowClass) {
    return wrap(User32.INSTANCE.FindWindowEx(hwnd(parent), null, windowClass, null));
  }

  @Override
  public Optional<Window> dialogItem(Window dialog, int controlId) {
    return wrap(User32Calls.INSTANCE.GetDlgItem(hwnd(dialog), controlId));
  }

  @Override
  public String text(Window window) {
    // WM_GETTEXT is marshalled across processes by the system (GetWindowText is not, for controls).
    Memory buffer = new Memory(2L * (MAX_TEXT_CHARS + 1));
    buffer.clear();
    SendResult sent =
        send(
            window,
            WM_GETTEXT,
            MAX_TEXT_CHARS,
            new WinDef.LPARAM(Pointer.nativeValue(buffer)),
            TEXT_TIMEOUT_MILLIS);
    String text = sent.delivered() ? buffer.getWideString(0) : "";
    Reference.reachabilityFence(buffer);
    return text;
  }

  @Override
  public String classOf(Window window) {
    char[] name = new char[MAX_CLASS_CHARS];
    int length = User32.INSTANCE.GetClassName(hwnd(window), name, name.length);
    return length <= 0 ? "" : new String(name, 0, length);
  }

  @Override
  public List<Window> topLevelWindowsOf(long pid) {
    List<Window> found = new ArrayList<>();
    User32.INSTANCE.EnumWindows(
        (hwnd, data) -> {
          IntByReference owner = new IntByReference();
          User32.INSTANCE.GetWindowThreadProcessId(hwnd, owner);
          if (Integer.toUnsignedLong(owner.getValue()) == pid) {
            found.add(new Window(Pointer.nativeValue(hwnd.getPointer())));
          }
          return true;
        },
        null);
    return found;
  }

  @Override
  public SendResult sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis) {
    Memory data = new Memory(payload.length);
    data.write(0, payload, 0, payload.length);
    WinUser.COPYDATASTRUCT copy = new WinUser.COPYDATASTRUCT();
    copy.dwData = new BaseTSD.ULONG_PTR(dwData);
    copy.cbData = payload.length;
    copy.lpData = data;
    BaseTSD.ULONG_PTRByReference result = resultSlot();
    // The structure is an argument (JNA writes it and holds it during the call); the fences keep
    // the structure and the buffer it points at from being freed before the receiver has copied it.
    WinDef.LRESULT sent =
        User32Calls.INSTANCE.SendMessageTimeout(
            hwnd(window),
            WM_COPYDATA,
            new WinDef.WPARAM(0),
            copy,
            SMTO_ABORTIFHUNG,
            timeoutMillis,
            result);
    int error = Native.getLastError();
    Reference.reachabilityFence(copy);
    Reference.reachabilityFence(data);
    return sent.longValue() != 0
        ? SendResult.delivered(result.getValue().longValue())
        : SendResult.failed(error);
  }

  @Override
  public SendResult close(Window window, int timeoutMillis) {
    return send(window, WM_CLOSE, 0, new WinDef.LPARAM(0), timeoutMillis);
  }

  @Override
  public SendResult clickButton(Window dialog, int controlId, int timeoutMillis) {
    Optional<Window> button = dialogItem(dialog, controlId);
    if (button.isEmpty()) {
      return SendResult.NO_WINDOWS;
    }
    // MAKEWPARAM(id, BN_CLICKED = 0), lParam = the button: what a click sends its dialog.
    return send(
        dialog,
        WM_COMMAND,
        controlId & 0xFFFF,
        new WinDef.LPARAM(button.get().handle()),
        timeoutMillis);
  }

  private static SendResult send(
      Window window, int message, long wParam, WinDef.LPARAM lParam, int timeoutMillis) {
    BaseTSD.ULONG_PTRByReference result = resultSlot();
    WinDef.LRESULT sent =
        User32Calls.INSTANCE.SendMessageTimeout(
            hwnd(window),
            message,
            new WinDef.WPARAM(wParam),
            lParam,
            SMTO_ABORTIFHUNG,
            timeoutMillis,
            result);
    int error = Native.getLastError();
    return sent.longValue() != 0
        ? SendResult.delivered(result.getValue().longValue())
        : SendResult.failed(error);
  }

  private static WinDef.HWND hwnd(Window window) {
    return new WinDef.HWND(new Pointer(window.handle()));
  }

  private static Optional<Window> wrap(WinDef.HWND hwnd) {
    return hwnd == null || hwnd.getPointer() == null
        ? Optional.empty()
        : Optional.of(new Window(Pointer.nativeValue(hwnd.getPointer())));
  }
}
