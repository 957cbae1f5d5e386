package dev.click2call.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import dev.click2call.platform.WindowMessenger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Win32 window access through JNA (user32). Only built by {@code Win32} on Windows. */
public final class JnaWindowMessenger implements WindowMessenger {
  private static final int WM_GETTEXT = 0x000D;
  private static final int WM_COPYDATA = 0x004A;
  private static final int SMTO_ABORTIFHUNG = 0x0002;
  private static final int TEXT_TIMEOUT_MILLIS = 500;
  private static final int MAX_TEXT_CHARS = 512;

  @Override
  public Optional<Window> findByClass(String windowClass) {
    return wrap(User32.INSTANCE.FindWindow(windowClass, null));
  }

  @Override
  public long processOf(Window window) {
    IntByReference pid = new IntByReference();
    User32.INSTANCE.GetWindowThreadProcessId(hwnd(window), pid);
    return pid.getValue() == 0 ? -1 : pid.getValue();
  }

  @Override
  public Optional<Window> findChild(Window parent, String windowClass) {
    return wrap(User32.INSTANCE.FindWindowEx(hwnd(parent), null, windowClass, null));
  }

  @Override
  public String text(Window window) {
    // WM_GETTEXT is marshalled across processes by the system (GetWindowText is not, for controls).
    Memory buffer = new Memory(2L * (MAX_TEXT_CHARS + 1));
    buffer.clear();
    WinDef.DWORDByReference result = new WinDef.DWORDByReference();
    WinDef.LRESULT sent =
        User32.INSTANCE.SendMessageTimeout(
            hwnd(window),
            WM_GETTEXT,
            new WinDef.WPARAM(MAX_TEXT_CHARS),
            new WinDef.LPARAM(Pointer.nativeValue(buffer)),
            SMTO_ABORTIFHUNG,
            TEXT_TIMEOUT_MILLIS,
            result);
    return sent.longValue() == 0 ? "" : buffer.getWideString(0);
  }

  @Override
  public List<Window> topLevelWindowsOf(long pid) {
    List<Window> found = new ArrayList<>();
    User32.INSTANCE.EnumWindows(
        (hwnd, data) -> {
          IntByReference owner = new IntByReference();
          User32.INSTANCE.GetWindowThreadProcessId(hwnd, owner);
          if (owner.getValue() == pid) {
            found.add(new Window(Pointer.nativeValue(hwnd.getPointer())));
          }
          return true;
        },
        null);
    return found;
  }

  @Override
  public boolean sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis) {
    Memory data = new Memory(payload.length);
    data.write(0, payload, 0, payload.length);
    WinUser.COPYDATASTRUCT copy = new WinUser.COPYDATASTRUCT();
    copy.dwData = new BaseTSD.ULONG_PTR(dwData);
    copy.cbData = payload.length;
    copy.lpData = data;
    copy.write();
    WinDef.DWORDByReference result = new WinDef.DWORDByReference();
    WinDef.LRESULT sent =
        User32.INSTANCE.SendMessageTimeout(
            hwnd(window),
            WM_COPYDATA,
            new WinDef.WPARAM(0),
            new WinDef.LPARAM(Pointer.nativeValue(copy.getPointer())),
            SMTO_ABORTIFHUNG,
            timeoutMillis,
            result);
    return sent.longValue() != 0;
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
