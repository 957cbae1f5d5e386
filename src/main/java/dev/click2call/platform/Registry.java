package dev.click2call.platform;

import java.util.Optional;

/** Reads string values from the Windows registry; off Windows it is empty. */
public interface Registry {
  /** Root keys the host reads. */
  enum Hive {
    HKCU,
    HKLM
  }

  /** Which registry view of a 64-bit Windows to read ({@code KEY_WOW64_32KEY}/{@code 64KEY}). */
  enum View {
    DEFAULT,
    WOW64_32,
    WOW64_64
  }

  /**
   * @param valueName the value, or the empty string for the key's (Default) value
   */
  Optional<String> readString(Hive hive, String key, String valueName, View view);

  Registry NONE = (hive, key, valueName, view) -> Optional.empty();
}
