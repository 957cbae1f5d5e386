package dev.click2call.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object of a settings file, with typed getters whose errors name the file and the full
 * key. A missing key always means "use the safe default".
 */
public final class ConfigNode {
  private final Path file;
  private final String path;
  private final Map<String, Object> values;

  ConfigNode(Path file, String path, Map<String, Object> values) {
    this.file = file;
    this.path = path;
    this.values = values;
  }

  /** An empty node: every getter returns its default. */
  public static ConfigNode empty(String path) {
    return new ConfigNode(null, path, Collections.emptyMap());
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Where this node came from, or null for defaults. */
  public Path file() {
    return file;
  }

  public String string(String key, String fallback) throws ConfigException {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String text) {
      return text;
    }
    throw error(key, "must be a string");
  }

  /** A string restricted to the given choices. */
  public String choice(String key, String fallback, Set<String> choices) throws ConfigException {
    String value = string(key, fallback);
    if (value != null && !choices.contains(value)) {
      throw error(key, "must be one of " + String.join(", ", choices.stream().sorted().toList()));
    }
    return value;
  }

  public boolean bool(String key, boolean fallback) throws ConfigException {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw error(key, "must be true or false");
  }

  public int integer(String key, int fallback, int min, int max) throws ConfigException {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number && number.doubleValue() == number.longValue()) {
      long whole = number.longValue();
      if (whole >= min && whole <= max) {
        return (int) whole;
      }
    }
    throw error(key, "must be a whole number from " + min + " to " + max);
  }

  public List<String> stringList(String key) throws ConfigException {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> strings = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String text)) {
          throw error(key, "must be a list of strings");
        }
        strings.add(text);
      }
      return List.copyOf(strings);
    }
    throw error(key, "must be a list of strings");
  }

  /** A string or a list of strings, as a list (e.g. a program path or an argument vector). */
  public List<String> stringOrList(String key) throws ConfigException {
    Object value = values.get(key);
    if (value instanceof String text) {
      return List.of(text);
    }
    return stringList(key);
  }

  /** A nested object; an empty node when absent. */
  @SuppressWarnings("unchecked")
  public ConfigNode node(String key) throws ConfigException {
    Object value = values.get(key);
    if (value == null) {
      return new ConfigNode(file, qualified(key), Collections.emptyMap());
    }
    if (value instanceof Map) {
      return new ConfigNode(file, qualified(key), (Map<String, Object>) value);
    }
    throw error(key, "must be an object");
  }

  /** Refuses keys this version does not know, so a typo is not silently ignored. */
  public void requireKnownKeys(Set<String> known) throws ConfigException {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw error(
            key,
            "is not a known setting (known here: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  public ConfigException error(String key, String problem) {
    return new ConfigException(file, qualified(key), problem);
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
