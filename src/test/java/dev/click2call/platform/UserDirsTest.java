package dev.click2call.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {
  private final Path home = Path.of("/home/ann");

  @Test
  void linuxFollowsXdgWithFallbacks() {
    UserDirs plain = new UserDirs(Os.LINUX, Map.of(), home);
    assertThat(plain.logDir()).isEqualTo(Path.of("/home/ann/.local/state/click2call"));
    assertThat(plain.userConfigFile())
        .isEqualTo(Path.of("/home/ann/.config/click2call/config.json"));
    UserDirs xdg =
        new UserDirs(
            Os.LINUX,
            Map.of(
                "XDG_STATE_HOME", "/s", "XDG_CONFIG_HOME", "/c", "XDG_RUNTIME_DIR", "/run/user/1"),
            home);
    assertThat(xdg.logDir()).isEqualTo(Path.of("/s/click2call"));
    assertThat(xdg.userConfigFile()).isEqualTo(Path.of("/c/click2call/config.json"));
    assertThat(xdg.runtimeDir()).isEqualTo(Path.of("/run/user/1/click2call"));
  }

  @Test
  void relativeXdgValuesAreIgnoredAsTheSpecAsks() {
    UserDirs dirs = new UserDirs(Os.LINUX, Map.of("XDG_STATE_HOME", "state"), home);
    assertThat(dirs.logDir()).isEqualTo(Path.of("/home/ann/.local/state/click2call"));
  }

  @Test
  void macosUsesLibraryFolders() {
    UserDirs dirs = new UserDirs(Os.MACOS, Map.of(), home);
    assertThat(dirs.logDir()).isEqualTo(Path.of("/home/ann/Library/Logs/click2call"));
  }

  @Test
  void windowsUsesLocalAppData() {
    UserDirs dirs = new UserDirs(Os.WINDOWS, Map.of("LOCALAPPDATA", "/L", "APPDATA", "/R"), home);
    assertThat(dirs.logDir()).isEqualTo(Path.of("/L/click2call/logs"));
    assertThat(dirs.userConfigFile()).isEqualTo(Path.of("/R/click2call/config.json"));
  }

  @Test
  void environmentOverridesWin() {
    UserDirs dirs =
        new UserDirs(
            Os.LINUX,
            Map.of("CLICK2CALL_LOG_DIR", "/tmp/l", "CLICK2CALL_CONFIG", "/tmp/c.json"),
            home);
    assertThat(dirs.logDir()).isEqualTo(Path.of("/tmp/l"));
    assertThat(dirs.userConfigFile()).isEqualTo(Path.of("/tmp/c.json"));
  }

  @Test
  void osNamesAreRecognised() {
    assertThat(Os.detect("Windows 11")).isEqualTo(Os.WINDOWS);
    assertThat(Os.detect("Mac OS X")).isEqualTo(Os.MACOS);
    assertThat(Os.detect("Linux")).isEqualTo(Os.LINUX);
  }
}
