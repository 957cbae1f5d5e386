package dev.click2call.install;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The few Windows registry operations installing and diagnosing need. The JNA implementation is
 * chosen in {@link Registries}; tests use an in-memory one with the same view rules.
 */
public interface RegistryAccess {
  /** The key's default value when the key exists and holds a string there. */
  Optional<String> readDefault(RegistryHive hive, RegistryView view, String key);

  boolean keyExists(RegistryHive hive, RegistryView view, String key);

  /**
   * Every value of a key (the default value under the name {@code ""}) of a key: strings as {@link
   * String}, DWORDs as {@link Integer}. Empty when the key does not exist.
   */
  Map<String, Object> values(RegistryHive hive, RegistryView view, String key);

  /** Creates the key (and its parents) and sets its default value. */
  void writeDefault(RegistryHive hive, RegistryView view, String key, String value)
      throws IOException;

  /**
   * Deletes a key without subkeys.
   *
   * @return whether it existed
   */
  boolean deleteKey(RegistryHive hive, RegistryView view, String key) throws IOException;
}
