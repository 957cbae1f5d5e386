package dev.click2call.install;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** The registry of a computer that has none (Linux, macOS): empty, and refuses writes. */
public final class NoRegistry implements RegistryAccess {
  @Override
  public Optional<String> readDefault(RegistryHive hive, RegistryView view, String key) {
    return Optional.empty();
  }

  @Override
  public boolean keyExists(RegistryHive hive, RegistryView view, String key) {
    return false;
  }

  @Override
  public Map<String, Object> values(RegistryHive hive, RegistryView view, String key) {
    return Map.of();
  }

  @Override
  public void writeDefault(RegistryHive hive, RegistryView view, String key, String value)
      throws IOException {
    throw new IOException("this operating system has no Windows registry");
  }

  @Override
  public boolean deleteKey(RegistryHive hive, RegistryView view, String key) {
    return false;
  }
}
