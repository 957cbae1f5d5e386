package dev.click2call.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.config.Settings;
import dev.click2call.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftphoneSelectorTest {
  @TempDir Path dir;

  private Settings settings(String json) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return Settings.load(file, dir.resolve("none.json"));
  }

  @Test
  void noneAndUnknownChoicesGiveNoSoftphoneWithAReason() throws Exception {
    Softphone none = SoftphoneSelector.select(settings("{\"softphone\":\"none\"}"), Map.of());
    assertThat(none.kind()).isEqualTo("none");
    Softphone odd =
        SoftphoneSelector.select(Settings.defaults(), Map.of("CLICK2CALL_SOFTPHONE", "skype"));
    assertThat(odd.kind()).isEqualTo("none");
  }

  @Test
  void baresipIsChosenByTheEnvironmentOverTheSetting() throws Exception {
    Path fake = dir.resolve("bin").resolve("baresip");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    // mode attach: the adapter never runs the fake program, it only looks for a ctrl port
    Settings settings =
        settings("{\"softphone\":\"none\",\"baresip\":{\"mode\":\"attach\",\"ctrlPort\":9}}");
    try (Softphone chosen =
        SoftphoneSelector.select(
            settings,
            Map.of(
                "CLICK2CALL_SOFTPHONE", "baresip",
                "PATH", fake.getParent().toString(),
                "CLICK2CALL_RUNTIME_DIR", dir.resolve("run").toString(),
                "CLICK2CALL_LOG_DIR", dir.resolve("logs").toString()))) {
      assertThat(chosen.kind()).isEqualTo("baresip");
      assertThat(chosen.available()).isFalse();
    }
  }

  @Test
  void autoPicksBaresipOnlyWhenItIsInstalled() throws Exception {
    Settings settings = settings("{\"baresip\":{\"mode\":\"attach\",\"ctrlPort\":9}}");
    Softphone without =
        SoftphoneSelector.select(settings, Map.of("PATH", dir.resolve("empty").toString()));
    assertThat(without.kind()).isEqualTo("none");
    if (Os.current() != Os.WINDOWS) {
      Path fake = dir.resolve("bin").resolve("baresip");
      Files.createDirectories(fake.getParent());
      Files.writeString(fake, "#!/bin/sh\nexit 1\n");
      Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
      try (Softphone with =
          SoftphoneSelector.select(
              settings,
              Map.of(
                  "PATH", fake.getParent().toString(),
                  "CLICK2CALL_RUNTIME_DIR", dir.resolve("run").toString(),
                  "CLICK2CALL_LOG_DIR", dir.resolve("logs").toString()))) {
        assertThat(with.kind()).isEqualTo("baresip");
      }
    }
  }

  @Test
  void aBadBaresipSectionGivesNoSoftphoneNamingTheKey() throws Exception {
    Softphone chosen =
        SoftphoneSelector.select(
            settings("{\"softphone\":\"baresip\",\"baresip\":{\"sipPort\":\"x\"}}"), Map.of());
    assertThat(chosen.kind()).isEqualTo("none");
    assertThatUnavailableMentions(chosen, "baresip.sipPort");
  }

  private static void assertThatUnavailableMentions(Softphone softphone, String text) {
    try {
      softphone.hangup();
      throw new AssertionError("expected unavailable");
    } catch (SoftphoneException e) {
      assertThat(e.reason()).isEqualTo(SoftphoneException.Reason.UNAVAILABLE);
      assertThat(e.getMessage()).contains(text);
    }
  }
}
