import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step (Maven, generate-sources): turns {@code host-manifest/extension-ids.json}, the one
 * place the project's extension ids are written down, into the class {@code
 * dev.click2call.host.BundledExtensionIds}, so the host reads its allowlist without a resource
 * lookup at start-up. Run as a source file: {@code java -cp <jackson-core> GenerateExtensionIds.java
 * <extension-ids.json> <generated sources dir>}.
 */
public final class GenerateExtensionIds {
  private static final List<String> KEYS = List.of("chromium", "gecko");

  private GenerateExtensionIds() {}

  public static void main(String[] args) throws IOException {
    Path json = Path.of(args[0]);
    Path target = Path.of(args[1], "dev", "click2call", "host", "BundledExtensionIds.java");
    Map<String, List<String>> ids = read(json);
    StringBuilder source = new StringBuilder();
    source.append("package dev.click2call.host;\n\n");
    source.append("import java.util.List;\n\n");
    source.append("/** Generated at build time from host-manifest/extension-ids.json: do not edit. */\n");
    source.append("final class BundledExtensionIds {\n");
    source.append("  private BundledExtensionIds() {}\n\n");
    source.append("  static ExtensionIds ids() {\n");
    source.append("    return new ExtensionIds(");
    source.append(listOf(ids.get("chromium"))).append(", ").append(listOf(ids.get("gecko")));
    source.append(");\n  }\n}\n");
    Files.createDirectories(target.getParent());
    byte[] bytes = source.toString().getBytes(StandardCharsets.UTF_8);
    // Unchanged output keeps its timestamp: no needless recompilation.
    if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
      Files.write(target, bytes);
    }
  }

  /** Exactly {"chromium": [strings], "gecko": [strings]}; anything else fails the build. */
  private static Map<String, List<String>> read(Path json) throws IOException {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(Files.readAllBytes(json))) {
      expect(parser.nextToken() == JsonToken.START_OBJECT, json, "must hold a JSON object");
      for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
        expect(KEYS.contains(key) && !ids.containsKey(key), json, "unexpected key '" + key + "'");
        expect(parser.nextToken() == JsonToken.START_ARRAY, json, key + " must be a list");
        List<String> values = new ArrayList<>();
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          expect(item == JsonToken.VALUE_STRING, json, key + " must hold strings");
          values.add(parser.getText());
        }
        ids.put(key, values);
      }
      expect(parser.nextToken() == null, json, "content after the object");
    }
    expect(ids.keySet().containsAll(KEYS), json, "needs both " + KEYS);
    return ids;
  }

  private static String listOf(List<String> values) {
    StringBuilder list = new StringBuilder("List.of(");
    for (int i = 0; i < values.size(); i++) {
      list.append(i == 0 ? "" : ", ").append(literal(values.get(i)));
    }
    return list.append(')').toString();
  }

  /** A Java string literal: printable ASCII as is, everything else escaped. */
  private static String literal(String value) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        literal.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        literal.append(c);
      } else {
        literal.append(String.format("\\u%04x", (int) c));
      }
    }
    return literal.append('"').toString();
  }

  private static void expect(boolean condition, Path json, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(json + ": " + problem);
    }
  }
}
