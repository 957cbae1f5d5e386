package dev.click2call.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json);
    return file;
  }

  @Test
  void missingFilesMeanDefaults() throws ConfigException {
    Settings settings = Settings.load(dir.resolve("none.json"), dir.resolve("nope.json"));
    assertThat(settings.softphone()).isEqualTo("auto");
    assertThat(settings.logLevel()).isEqualTo("info");
    assertThat(settings.extraChromiumIds()).isEmpty();
    assertThat(settings.section("dialing").has("defaultCountry")).isFalse();
  }

  @Test
  void readsTheUserFile() throws Exception {
    Path user =
        write(
            "user.json",
            "{\"softphone\":\"baresip\",\"logLevel\":\"debug\","
                + "\"allowedExtensions\":{\"gecko\":[\"x@y\"]},\"dialing\":{\"defaultCountry\":\"DE\"}}");
    Settings settings = Settings.load(user, null);
    assertThat(settings.softphone()).isEqualTo("baresip");
    assertThat(settings.logLevel()).isEqualTo("debug");
    assertThat(settings.extraGeckoIds()).containsExactly("x@y");
    assertThat(settings.section("dialing").string("defaultCountry", null)).isEqualTo("DE");
  }

  @Test
  void theMachineWideFileWinsKeyByKey() throws Exception {
    Path user = write("user.json", "{\"softphone\":\"baresip\",\"logLevel\":\"debug\"}");
    Path system = write("system.json", "{\"softphone\":\"none\"}");
    Settings settings = Settings.load(user, system);
    assertThat(settings.softphone()).isEqualTo("none");
    assertThat(settings.logLevel()).isEqualTo("debug");
  }

  @Test
  void invalidJsonNamesTheFile() throws Exception {
    Path user = write("user.json", "{\"softphone\": ");
    assertThatThrownBy(() -> Settings.load(user, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(user.toString())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aWrongValueNamesTheFileAndTheKey() throws Exception {
    Path user = write("user.json", "{\"softphone\":\"skype\"}");
    assertThatThrownBy(() -> Settings.load(user, null))
        .hasMessageContaining(user.toString())
        .hasMessageContaining("key 'softphone'")
        .hasMessageContaining("must be one of");
  }

  @Test
  void anUnknownKeyIsATypoNotASilentDefault() throws Exception {
    Path user = write("user.json", "{\"softfone\":\"baresip\"}");
    assertThatThrownBy(() -> Settings.load(user, null))
        .hasMessageContaining("key 'softfone'")
        .hasMessageContaining("not a known setting");
  }

  @Test
  void nestedKeysAreNamedInFull() throws Exception {
    Path user = write("user.json", "{\"allowedExtensions\":{\"chromium\":\"abc\"}}");
    assertThatThrownBy(() -> Settings.load(user, null))
        .hasMessageContaining("key 'allowedExtensions.chromium'")
        .hasMessageContaining("list of strings");
  }

  @Test
  void aFileThatIsNotAnObjectIsRefused() throws Exception {
    Path user = write("user.json", "[1]");
    assertThatThrownBy(() -> Settings.load(user, null)).hasMessageContaining("JSON object");
  }

  @Test
  void typedGettersExplainTheirExpectations() throws Exception {
    Path user = write("user.json", "{\"baresip\":{\"port\":5,\"on\":1,\"n\":70000}}");
    ConfigNode baresip = Settings.load(user, null).section("baresip");
    assertThatThrownBy(() -> baresip.string("port", null))
        .hasMessageContaining("baresip.port")
        .hasMessageContaining("must be a string");
    assertThatThrownBy(() -> baresip.bool("on", false)).hasMessageContaining("baresip.on");
    assertThatThrownBy(() -> baresip.integer("n", 0, 1, 65535))
        .hasMessageContaining("from 1 to 65535");
    assertThat(baresip.integer("absent", 7, 1, 9)).isEqualTo(7);
  }
}
