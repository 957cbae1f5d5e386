package dev.click2call.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionIdsTest {
  @Test
  void theCompiledIdsAreExactlyThoseOfTheJsonFile() throws Exception {
    Map<String, Object> written =
        Json.decodeObject(Files.readAllBytes(Path.of("host-manifest", "extension-ids.json")));
    assertThat(written).containsOnlyKeys("chromium", "gecko");

    ExtensionIds bundled = ExtensionIds.bundled();

    assertThat(bundled.chromium()).isNotEmpty().isEqualTo(written.get("chromium"));
    assertThat(bundled.gecko()).isNotEmpty().isEqualTo(written.get("gecko"));
  }

  @Test
  void chromiumIdsBecomeOrigins() {
    ExtensionIds ids = new ExtensionIds(java.util.List.of("abc"), java.util.List.of("x@y"));
    assertThat(ids.chromiumOrigins()).containsExactly("chrome-extension://abc/");
  }
}
