package dev.click2call.softphone.microsip;

import dev.click2call.config.ConfigException;
import dev.click2call.config.ConfigNode;
import java.util.List;
import java.util.Set;

/**
 * The {@code microsip} settings section.
 *
 * @param path how to run MicroSIP: an executable path, or an argument list whose last element is
 *     the executable (e.g. {@code ["wine", "C:\\MicroSIP\\microsip.exe"]}); empty to search
 * @param ini the ini file when it cannot be derived (e.g. under Wine), or null
 * @param launcher the {@code click2call} launcher that hooks run, or null for the default
 */
public record MicroSipSettings(List<String> path, String ini, String launcher) {
  public static final Set<String> KEYS = Set.of("path", "ini", "launcher");

  public static MicroSipSettings read(ConfigNode node) throws ConfigException {
    node.requireKnownKeys(KEYS);
    List<String> path = node.stringOrList("path");
    for (String part : path) {
      if (part.isBlank()) {
        throw node.error("path", "must not contain empty strings");
      }
    }
    return new MicroSipSettings(path, node.string("ini", null), node.string("launcher", null));
  }

  public static MicroSipSettings none() {
    return new MicroSipSettings(List.of(), null, null);
  }
}
