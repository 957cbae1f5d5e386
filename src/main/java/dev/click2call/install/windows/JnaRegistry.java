package dev.click2call.install.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import dev.click2call.install.RegistryAccess;
import dev.click2call.install.RegistryHive;
import dev.click2call.install.RegistryView;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RegistryAccess} through jna-platform's {@code Advapi32Util}; used on Windows only. */
public final class JnaRegistry implements RegistryAccess {
  @Override
  public Optional<String> readDefault(RegistryHive hive, RegistryView view, String key) {
    Object value = values(hive, view, key).get("");
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  @Override
  public boolean keyExists(RegistryHive hive, RegistryView view, String key) {
    try {
      return Advapi32Util.registryKeyExists(root(hive), key, flag(view));
    } catch (Win32Exception e) {
      return false;
    }
  }

  @Override
  public Map<String, Object> values(RegistryHive hive, RegistryView view, String key) {
    try {
      if (!Advapi32Util.registryKeyExists(root(hive), key, flag(view))) {
        return Map.of();
      }
      Map<String, Object> result = new LinkedHashMap<>();
      Advapi32Util.registryGetValues(root(hive), key, flag(view))
          .forEach(
              (name, value) -> {
                if (value instanceof String || value instanceof Integer) {
                  result.put(name, value);
                }
              });
      return result;
    } catch (Win32Exception e) {
      return Map.of();
    }
  }

  @Override
  public void writeDefault(RegistryHive hive, RegistryView view, String key, String value)
      throws IOException {
    try {
      String[] parts = key.split("\\\\");
      StringBuilder path = new StringBuilder();
      for (String part : parts) {
        if (path.length() > 0) {
          path.append('\\');
        }
        path.append(part);
        Advapi32Util.registryCreateKey(root(hive), path.toString(), flag(view));
      }
      Advapi32Util.registrySetStringValue(root(hive), key, "", value, flag(view));
    } catch (Win32Exception e) {
      throw new IOException(hive + "\\" + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean deleteKey(RegistryHive hive, RegistryView view, String key) throws IOException {
    try {
      if (!Advapi32Util.registryKeyExists(root(hive), key, flag(view))) {
        return false;
      }
      int split = key.lastIndexOf('\\');
      Advapi32Util.registryDeleteKey(
          root(hive), key.substring(0, split), key.substring(split + 1), flag(view));
      return true;
    } catch (Win32Exception e) {
      throw new IOException(hive + "\\" + key + ": " + e.getMessage(), e);
    }
  }

  private static WinReg.HKEY root(RegistryHive hive) {
    return hive == RegistryHive.HKCU ? WinReg.HKEY_CURRENT_USER : WinReg.HKEY_LOCAL_MACHINE;
  }

  private static int flag(RegistryView view) {
    return view == RegistryView.BITS_32 ? WinNT.KEY_WOW64_32KEY : WinNT.KEY_WOW64_64KEY;
  }
}
