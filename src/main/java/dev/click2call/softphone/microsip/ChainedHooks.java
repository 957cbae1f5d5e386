package dev.click2call.softphone.microsip;

import dev.click2call.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hook commands a user had before {@code hooks install}: kept in a small JSON file beside the
 * user's settings, run after ours by the hook runner, and put back by {@code hooks remove}.
 */
public final class ChainedHooks {
  private static final long MAX_BYTES = 64 * 1024;

  private final Path file;

  public ChainedHooks(Path file) {
    this.file = file;
  }

  /** The file next to the user settings file. */
  public static ChainedHooks beside(Path userConfigFile) {
    return new ChainedHooks(userConfigFile.resolveSibling("microsip-chained-hooks.json"));
  }

  public Path file() {
    return file;
  }

  /** Ini key → the user's previous raw value. Unreadable or missing → empty. */
  public Map<String, String> read() {
    Map<String, String> chained = new LinkedHashMap<>();
    try {
      if (Files.size(file) > MAX_BYTES) {
        return chained;
      }
      Object value = Json.decode(Files.readAllBytes(file));
      if (value instanceof Map<?, ?> map) {
        map.forEach(
            (k, v) -> {
              if (k instanceof String key && v instanceof String text) {
                chained.put(key, text);
              }
            });
      }
    } catch (NoSuchFileException e) {
      // nothing chained
    } catch (IOException | RuntimeException e) {
      // a broken file chains nothing; hooks install rewrites it
    }
    return chained;
  }

  public void write(Map<String, String> chained) throws IOException {
    if (chained.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, Json.encode(chained));
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
