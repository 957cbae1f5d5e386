package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes a generated configuration directory (only the files this package writes there). */
final class ConfigDirCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigDirCleaner.class);
  private static final String[] FILES = {"config", "accounts", "contacts", "current_contact"};

  private ConfigDirCleaner() {}

  static void remove(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try {
      for (String name : FILES) {
        Files.deleteIfExists(dir.resolve(name));
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.debug("could not remove {}: {}", dir, e.getMessage());
    }
  }
}
