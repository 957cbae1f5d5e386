package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.host.ExtensionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy templates under installer/policies/ set exactly the keys of the extension's managed
 * schema, and name exactly the project's extension ids.
 */
class PolicyTemplatesTest {
  private static final Path POLICIES = Path.of("installer/policies");
  private static Set<String> schemaKeys;
  private static String chromiumId;
  private static String geckoId;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readSchema() throws Exception {
    Path schema = Path.of("extension/managed_schema.json");
    assertThat(schema)
        .as("the extension's managed schema (merged from the extension branch) must exist")
        .isRegularFile();
    Map<String, Object> parsed = JSON.std.mapFrom(Files.readString(schema));
    schemaKeys = ((Map<String, Object>) parsed.get("properties")).keySet();
    assertThat(schemaKeys).isNotEmpty();
    chromiumId = ExtensionIds.bundled().chromium().get(0);
    geckoId = ExtensionIds.bundled().gecko().get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Map<String, Object> map, String... path) {
    Map<String, Object> current = map;
    for (String key : path) {
      assertThat(current).as("key " + key).containsKey(key);
      current = (Map<String, Object>) current.get(key);
    }
    return current;
  }

  @Test
  void chromiumJsonTemplatesSetExactlyTheSchemaKeys() throws Exception {
    for (String file :
        new String[] {
          "chrome/linux-managed-click2call.json", "edge/linux-managed-click2call.json"
        }) {
      Map<String, Object> policy = JSON.std.mapFrom(Files.readString(POLICIES.resolve(file)));
      assertThat(at(policy, "3rdparty", "extensions", chromiumId).keySet())
          .as(file)
          .containsExactlyInAnyOrderElementsOf(schemaKeys);
      assertThat(at(policy, "ExtensionSettings", chromiumId).get("installation_mode"))
          .isEqualTo("force_installed");
      assertThat(policy.get("NativeMessagingAllowlist"))
          .isEqualTo(java.util.List.of(HostManifest.name()));
    }
  }

  @Test
  void firefoxPoliciesSetExactlyTheSchemaKeys() throws Exception {
    Map<String, Object> policy =
        JSON.std.mapFrom(Files.readString(POLICIES.resolve("firefox/policies.json")));
    assertThat(at(policy, "policies", "3rdparty", "Extensions", geckoId).keySet())
        .containsExactlyInAnyOrderElementsOf(schemaKeys);
    assertThat(at(policy, "policies", "ExtensionSettings", geckoId).get("installation_mode"))
        .isEqualTo("force_installed");
  }

  @Test
  void windowsRegTemplatesSetExactlyTheSchemaKeys() throws Exception {
    for (String file :
        new String[] {"chrome/windows-click2call.reg", "edge/windows-click2call.reg"}) {
      String text = Files.readString(POLICIES.resolve(file));
      String policyKey = "\\3rdparty\\extensions\\" + chromiumId + "\\policy";
      Set<String> keys = new LinkedHashSet<>();
      String section = null;
      for (String line : text.split("\r\n")) {
        if (line.startsWith("[")) {
          section = line.substring(1, line.length() - 1);
          int at = section.indexOf(policyKey + "\\");
          if (at >= 0) {
            keys.add(section.substring(at + policyKey.length() + 1)); // a list: a subkey
          }
        } else if (section != null && section.endsWith(policyKey) && line.startsWith("\"")) {
          keys.add(line.substring(1, line.indexOf('"', 1)));
        }
      }
      assertThat(keys).as(file).containsExactlyInAnyOrderElementsOf(schemaKeys);
      assertThat(text).contains("\"1\"=\"" + HostManifest.name() + "\"");
      assertThat(text).contains("\"1\"=\"" + chromiumId + ";https://");
    }
  }

  @Test
  void macPlistsSetExactlyTheSchemaKeys() throws Exception {
    for (String file :
        new String[] {
          "chrome/macos-com.google.Chrome.extensions." + chromiumId + ".plist",
          "edge/macos-com.microsoft.Edge.extensions." + chromiumId + ".plist"
        }) {
      Matcher keys =
          Pattern.compile("<key>([^<]+)</key>").matcher(Files.readString(POLICIES.resolve(file)));
      Set<String> found = new LinkedHashSet<>();
      while (keys.find()) {
        found.add(keys.group(1));
      }
      assertThat(found).as(file).containsExactlyInAnyOrderElementsOf(schemaKeys);
    }
  }

  @Test
  void everyExtensionIdInTheTemplatesIsTheProjects() throws Exception {
    Pattern chromiumLike = Pattern.compile("\\b[a-p]{32}\\b");
    try (Stream<Path> files = Files.walk(POLICIES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = file.getFileName() + "\n" + Files.readString(file);
        Matcher matcher = chromiumLike.matcher(text);
        while (matcher.find()) {
          assertThat(matcher.group()).as(file.toString()).isEqualTo(chromiumId);
        }
        if (text.contains("@")) {
          Matcher gecko = Pattern.compile("\"([^\"@\\s]+@[^\"\\s]+)\"").matcher(text);
          while (gecko.find()) {
            assertThat(gecko.group(1)).as(file.toString()).isEqualTo(geckoId);
          }
        }
      }
    }
  }
}
