package dev.click2call.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The user32 calls whose jna-platform signatures are wrong for us: {@code SendMessageTimeoutW}
 * writes a {@code DWORD_PTR} (8 bytes on x64) result, where jna-platform passes a 4-byte {@code
 * DWORDByReference}; and the {@code WM_COPYDATA} form takes the structure itself, so JNA keeps it
 * (and the buffer it points at) alive for the whole call.
 */
interface User32Calls extends StdCallLibrary {
  User32Calls INSTANCE = Native.load("user32", User32Calls.class, W32APIOptions.DEFAULT_OPTIONS);

  WinDef.LRESULT SendMessageTimeout(
      WinDef.HWND window,
      int message,
      WinDef.WPARAM wParam,
      WinDef.LPARAM lParam,
      int flags,
      int timeoutMillis,
      BaseTSD.ULONG_PTRByReference result);

  WinDef.LRESULT SendMessageTimeout(
      WinDef.HWND window,
      int message,
      WinDef.WPARAM wParam,
      WinUser.COPYDATASTRUCT copyData,
      int flags,
      int timeoutMillis,
      BaseTSD.ULONG_PTRByReference result);

  WinDef.HWND GetDlgItem(WinDef.HWND dialog, int controlId);
}
