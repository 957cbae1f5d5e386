package dev.click2call.platform.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import dev.click2call.platform.Registry;
import java.util.Optional;

/** Registry reads through JNA (advapi32). Only built by {@code Win32} on Windows. */
public final class JnaRegistry implements Registry {
  @Override
  public Optional<String> readString(Hive hive, String key, String valueName, View view) {
    WinReg.HKEY root = hive == Hive.HKCU ? WinReg.HKEY_CURRENT_USER : WinReg.HKEY_LOCAL_MACHINE;
    int flags =
        switch (view) {
          case DEFAULT -> 0;
          case WOW64_32 -> WinNT.KEY_WOW64_32KEY;
          case WOW64_64 -> WinNT.KEY_WOW64_64KEY;
        };
    try {
      if (!Advapi32Util.registryValueExists(root, key, valueName, flags)) {
        return Optional.empty();
      }
      String value = Advapi32Util.registryGetStringValue(root, key, valueName, flags);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    } catch (Win32Exception | ClassCastException | IllegalStateException e) {
      return Optional.empty(); // missing key, wrong type or access denied: not found
    }
  }
}
