package dev.click2call.config;

import dev.click2call.json.Json;
import dev.click2call.platform.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's settings: the per-user JSON file, overlaid key by key with the machine-wide file an
 * administrator manages (the machine-wide value wins). Every setting has a safe default; each room
 * reads its own section through {@link #section}.
 */
public final class Settings {
  /** Top-level keys; each room documents its own section in docs/CONFIGURATION.md. */
  public static final Set<String> KNOWN_KEYS =
      Set.of("softphone", "logLevel", "allowedExtensions", "dialing", "microsip", "baresip");

  /** Top-level keys that hold a room's own object. */
  private static final Set<String> SECTIONS = Set.of("dialing", "microsip", "baresip");

  public static final Set<String> SOFTPHONES = Set.of("auto", "microsip", "baresip", "none");

  private static final long MAX_FILE_BYTES = 256 * 1024;

  private final Map<String, ConfigNode> sections;
  private final String softphone;
  private final String logLevel;
  private final List<String> extraChromiumIds;
  private final List<String> extraGeckoIds;

  private Settings(Map<String, ConfigNode> sections, Map<String, ConfigNode> roots)
      throws ConfigException {
    this.sections = sections;
    this.softphone = rootFor(roots, "softphone").choice("softphone", "auto", SOFTPHONES);
    this.logLevel =
        rootFor(roots, "logLevel")
            .choice("logLevel", "info", Set.of("error", "warn", "info", "debug", "trace", "off"));
    ConfigNode allowed = rootFor(roots, "allowedExtensions").node("allowedExtensions");
    allowed.requireKnownKeys(Set.of("chromium", "gecko"));
    this.extraChromiumIds = allowed.stringList("chromium");
    this.extraGeckoIds = allowed.stringList("gecko");
  }

  /** Settings with every default. */
  public static Settings defaults() {
    try {
      return new Settings(Map.of(), Map.of());
    } catch (ConfigException e) {
      throw new AssertionError("defaults are valid", e);
    }
  }

  /** Loads the user and machine-wide files named by {@code dirs}; missing files are fine. */
  public static Settings load(UserDirs dirs) throws ConfigException {
    return load(dirs.userConfigFile(), dirs.systemConfigFile());
  }

  public static Settings load(Path userFile, Path systemFile) throws ConfigException {
    Map<String, ConfigNode> roots = new LinkedHashMap<>();
    Map<String, ConfigNode> sections = new LinkedHashMap<>();
    for (Path file : new Path[] {userFile, systemFile}) {
      ConfigNode root = read(file);
      if (root == null) {
        continue;
      }
      root.requireKnownKeys(KNOWN_KEYS);
      for (String key : KNOWN_KEYS) {
        if (root.has(key)) {
          roots.put(key, root); // later files (the machine-wide one) win
          if (SECTIONS.contains(key)) {
            sections.put(key, root.node(key));
          }
        }
      }
    }
    return new Settings(sections, roots);
  }

  @SuppressWarnings("unchecked")
  private static ConfigNode read(Path file) throws ConfigException {
    if (file == null) {
      return null;
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(file, null, "larger than " + MAX_FILE_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new ConfigException(file, null, "cannot be read: " + e.getMessage());
    }
    Object value;
    try {
      value = Json.decode(bytes); // the host's own codec: no second JSON library at start-up
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, null, "is " + e.getMessage()); // "is not valid JSON: ..."
    }
    if (!(value instanceof Map)) {
      throw new ConfigException(file, null, "must hold a JSON object");
    }
    return new ConfigNode(file, "", (Map<String, Object>) value);
  }

  private static ConfigNode rootFor(Map<String, ConfigNode> roots, String key) {
    return roots.getOrDefault(key, ConfigNode.empty(""));
  }

  /** {@code auto}, {@code microsip}, {@code baresip} or {@code none}. */
  public String softphone() {
    return softphone;
  }

  public String logLevel() {
    return logLevel;
  }

  public List<String> extraChromiumIds() {
    return extraChromiumIds;
  }

  public List<String> extraGeckoIds() {
    return extraGeckoIds;
  }

  /** A room's own section ({@code dialing}, {@code microsip}, {@code baresip}); empty if absent. */
  public ConfigNode section(String name) {
    return sections.getOrDefault(name, ConfigNode.empty(name));
  }
}
