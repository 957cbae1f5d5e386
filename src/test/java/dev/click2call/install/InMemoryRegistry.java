package dev.click2call.install;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry in memory with the view rule of 64-bit Windows that matters here: {@code
 * HKLM\SOFTWARE} has separate 32-bit ({@code WOW6432Node}) and 64-bit views, while {@code
 * HKCU\SOFTWARE} is shared by both. Key names are case-insensitive, as on Windows.
 */
public final class InMemoryRegistry implements RegistryAccess {
  private final Map<String, Map<String, Object>> keys = new HashMap<>();

  private static String id(RegistryHive hive, RegistryView view, String key) {
    RegistryView effective = hive == RegistryHive.HKCU ? RegistryView.BITS_64 : view;
    return hive + "|" + effective + "|" + key.toLowerCase(Locale.ROOT);
  }

  /** Sets a named value (a String or an Integer DWORD), creating the key. */
  public void put(RegistryHive hive, RegistryView view, String key, String name, Object value) {
    keys.computeIfAbsent(id(hive, view, key), k -> new LinkedHashMap<>()).put(name, value);
  }

  public int keyCount() {
    return keys.size();
  }

  @Override
  public Optional<String> readDefault(RegistryHive hive, RegistryView view, String key) {
    return values(hive, view, key).get("") instanceof String text
        ? Optional.of(text)
        : Optional.empty();
  }

  @Override
  public boolean keyExists(RegistryHive hive, RegistryView view, String key) {
    return keys.containsKey(id(hive, view, key));
  }

  @Override
  public Map<String, Object> values(RegistryHive hive, RegistryView view, String key) {
    return Map.copyOf(keys.getOrDefault(id(hive, view, key), Map.of()));
  }

  @Override
  public void writeDefault(RegistryHive hive, RegistryView view, String key, String value) {
    put(hive, view, key, "", value);
  }

  @Override
  public boolean deleteKey(RegistryHive hive, RegistryView view, String key) {
    return keys.remove(id(hive, view, key)) != null;
  }
}
