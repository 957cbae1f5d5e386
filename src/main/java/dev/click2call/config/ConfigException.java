package dev.click2call.config;

import java.nio.file.Path;

/** A settings file that cannot be used; the message names the file and the key. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(Path file, String key, String problem) {
    super(
        "settings file "
            + file
            + (key == null || key.isEmpty() ? "" : ", key '" + key + "'")
            + ": "
            + problem);
  }
}
