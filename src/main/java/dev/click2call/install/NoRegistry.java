package dev.click2call.install;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of a computer that has none (Linux, macOS), or whose registry cannot be reached
 * (Windows where JNA's native library did not load): empty, and refuses writes saying why.
 */
public final class NoRegistry implements RegistryAccess {
  private final String reason;

  public NoRegistry() {
    this("this operating system has no Windows registry");
  }

  /** A registry that cannot be reached, for this reason. */
  public NoRegistry(String reason) {
    this.reason = reason;
  }

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
    throw new IOException(reason);
  }

  @Override
  public boolean deleteKey(RegistryHive hive, RegistryView view, String key) throws IOException {
    if (!reason.startsWith("this operating system")) {
      throw new IOException(reason);
    }
    return false;
  }
}
