package dev.click2call.install;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.platform.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the native-messaging policies of Chromium-family browsers: {@code SOFTWARE\Policies\...} on
 * Windows (machine before user: machine policy wins), the managed JSON files on Linux. macOS keeps
 * them in configuration profiles, which are not read here (check {@code chrome://policy}).
 */
public final class PolicyReader {
  static final String WINDOWS_SYSTEM_POLICIES = "SOFTWARE\\Policies\\Microsoft\\Windows\\System";
  private static final long MAX_POLICY_FILE_BYTES = 1024 * 1024;

  private final BrowserTable table;

  public PolicyReader(BrowserTable table) {
    this.table = table;
  }

  public BrowserPolicies read(Browser browser) {
    if (browser.family() != BrowserFamily.CHROMIUM) {
      return BrowserPolicies.NONE;
    }
    return table.environment().os() == Os.WINDOWS ? fromRegistry(browser) : fromFiles(browser);
  }

  private BrowserPolicies fromRegistry(Browser browser) {
    RegistryAccess registry = table.environment().registry();
    Optional<String> root = table.windowsPolicyKey(browser);
    Optional<Boolean> userLevel = Optional.empty();
    Optional<Boolean> direct = Optional.empty();
    Optional<Integer> disableCmd = Optional.empty();
    List<String> blocklist = new ArrayList<>();
    List<String> allowlist = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (RegistryHive hive : List.of(RegistryHive.HKLM, RegistryHive.HKCU)) {
      if (root.isPresent()) {
        String key = root.get();
        Map<String, Object> values = registry.values(hive, RegistryView.BITS_64, key);
        if (!values.isEmpty()) {
          sources.add(hive + "\\" + key);
        }
        if (userLevel.isEmpty()) {
          userLevel = dword(values, "NativeMessagingUserLevelHosts").map(v -> v != 0);
        }
        if (direct.isEmpty()) {
          direct = dword(values, "NativeHostsExecutablesLaunchDirectly").map(v -> v != 0);
        }
        if (blocklist.isEmpty()) {
          blocklist.addAll(list(registry, hive, key + "\\NativeMessagingBlocklist"));
        }
        if (allowlist.isEmpty()) {
          allowlist.addAll(list(registry, hive, key + "\\NativeMessagingAllowlist"));
        }
      }
      if (disableCmd.isEmpty()) {
        disableCmd =
            dword(
                registry.values(hive, RegistryView.BITS_64, WINDOWS_SYSTEM_POLICIES), "DisableCMD");
      }
    }
    return new BrowserPolicies(
        userLevel, blocklist, allowlist, disableCmd, direct, sources, List.of());
  }

  private static Optional<Integer> dword(Map<String, Object> values, String name) {
    return values.get(name) instanceof Integer number ? Optional.of(number) : Optional.empty();
  }

  /** A list policy: string values named 1, 2, 3... in numeric order. */
  private static List<String> list(RegistryAccess registry, RegistryHive hive, String key) {
    Map<Integer, String> ordered = new TreeMap<>();
    registry
        .values(hive, RegistryView.BITS_64, key)
        .forEach(
            (name, value) -> {
              if (name.matches("[0-9]{1,6}") && value instanceof String text) {
                ordered.put(Integer.parseInt(name), text);
              }
            });
    return List.copyOf(ordered.values());
  }

  @SuppressWarnings("unchecked")
  private BrowserPolicies fromFiles(Browser browser) {
    Optional<Boolean> userLevel = Optional.empty();
    List<String> blocklist = new ArrayList<>();
    List<String> allowlist = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Path folder : table.policyFolders(browser)) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> entries = Files.list(folder)) {
        files = entries.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      } catch (IOException e) {
        unreadable.add(folder + ": " + e.getMessage());
        continue;
      }
      for (Path file : files) {
        Map<String, Object> policies;
        try {
          if (Files.size(file) > MAX_POLICY_FILE_BYTES) {
            unreadable.add(file + ": larger than 1 MiB");
            continue;
          }
          Object parsed = JSON.std.anyFrom(Files.readString(file));
          if (!(parsed instanceof Map)) {
            unreadable.add(file + ": not a JSON object");
            continue;
          }
          policies = (Map<String, Object>) parsed;
        } catch (IOException | RuntimeException e) {
          unreadable.add(file + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
          continue;
        }
        sources.add(file.toString());
        if (policies.get("NativeMessagingUserLevelHosts") instanceof Boolean allowed) {
          userLevel = Optional.of(allowed);
        }
        blocklist.addAll(strings(policies.get("NativeMessagingBlocklist")));
        allowlist.addAll(strings(policies.get("NativeMessagingAllowlist")));
      }
    }
    return new BrowserPolicies(
        userLevel, blocklist, allowlist, Optional.empty(), Optional.empty(), sources, unreadable);
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
