package dev.click2call.install;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.platform.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The extension ids a browser's policy force-installs: {@code ExtensionInstallForcelist} and {@code
 * ExtensionSettings} entries with {@code installation_mode} {@code force_installed} or {@code
 * normal_installed} (Chromium family: registry on Windows, managed JSON files on Linux); Firefox's
 * {@code ExtensionSettings} ({@code policies.json} on Linux, the registry on Windows). macOS keeps
 * policies in configuration profiles, which are not read here.
 */
public final class ForceInstallPolicy {
  private static final long MAX_POLICY_FILE_BYTES = 1024 * 1024;
  private static final String FIREFOX_POLICY_KEY = "SOFTWARE\\Policies\\Mozilla\\Firefox";

  private final BrowserTable table;

  public ForceInstallPolicy(BrowserTable table) {
    this.table = table;
  }

  /** The ids force-installed for this browser, each once, in the order found. */
  public List<String> forceInstalled(Browser browser) {
    Set<String> ids = new LinkedHashSet<>();
    boolean windows = table.environment().os() == Os.WINDOWS;
    if (browser.family() == BrowserFamily.CHROMIUM) {
      if (windows) {
        table.windowsPolicyKey(browser).ifPresent(key -> fromRegistry(key, true, ids));
      } else {
        for (Map<String, Object> policies : policyFiles(table.policyFolders(browser))) {
          fromForcelist(policies.get("ExtensionInstallForcelist"), ids);
          fromSettings(policies.get("ExtensionSettings"), ids);
        }
      }
    } else if (browser == Browser.FIREFOX) {
      if (windows) {
        fromRegistry(FIREFOX_POLICY_KEY, false, ids);
      } else if (table.environment().os() == Os.LINUX) {
        Path file = table.environment().system("/etc/firefox/policies/policies.json");
        readObject(file)
            .map(json -> json.get("policies"))
            .ifPresent(policies -> fromSettings(asMap(policies).get("ExtensionSettings"), ids));
      }
    }
    return List.copyOf(ids);
  }

  private void fromRegistry(String key, boolean withForcelist, Set<String> ids) {
    RegistryAccess registry = table.environment().registry();
    for (RegistryHive hive : List.of(RegistryHive.HKLM, RegistryHive.HKCU)) {
      if (withForcelist) {
        registry
            .values(hive, RegistryView.BITS_64, key + "\\ExtensionInstallForcelist")
            .values()
            .forEach(value -> fromForcelist(List.of(value), ids));
      }
      Object settings = registry.values(hive, RegistryView.BITS_64, key).get("ExtensionSettings");
      if (settings instanceof String text) {
        try {
          fromSettings(JSON.std.anyFrom(text), ids);
        } catch (IOException | RuntimeException e) {
          // The browser ignores an invalid value too; doctor's policy check reports files only.
        }
      }
    }
  }

  /** {@code "<id>;<update url>"} or a bare id. */
  private static void fromForcelist(Object value, Set<String> ids) {
    if (!(value instanceof List<?> list)) {
      return;
    }
    for (Object item : list) {
      if (item instanceof String entry && !entry.isBlank()) {
        int semicolon = entry.indexOf(';');
        ids.add((semicolon < 0 ? entry : entry.substring(0, semicolon)).trim());
      }
    }
  }

  private static void fromSettings(Object value, Set<String> ids) {
    asMap(value)
        .forEach(
            (id, settings) -> {
              Object mode = asMap(settings).get("installation_mode");
              if (!"*".equals(id)
                  && ("force_installed".equals(mode) || "normal_installed".equals(mode))) {
                ids.add(id);
              }
            });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<Map<String, Object>> policyFiles(List<Path> folders) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(folder)) {
        entries
            .filter(p -> p.toString().endsWith(".json"))
            .sorted()
            .forEach(file -> readObject(file).ifPresent(all::add));
      } catch (IOException e) {
        // Unreadable folders are reported by the native-messaging policy check.
      }
    }
    return all;
  }

  private static Optional<Map<String, Object>> readObject(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_POLICY_FILE_BYTES) {
        return Optional.empty();
      }
      Object parsed = JSON.std.anyFrom(Files.readString(file));
      return parsed instanceof Map<?, ?> ? Optional.of(asMap(parsed)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
