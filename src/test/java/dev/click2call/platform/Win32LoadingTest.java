package dev.click2call.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 11.5: JNA's native library failing to load must not kill the host. */
class Win32LoadingTest {
  @TempDir Path dir;

  /**
   * The real JNA loader on a system without user32 fails with {@code UnsatisfiedLinkError}, as JNA
   * does on Windows when AppLocker, WDAC or an EDR blocks its library: the choice falls back to the
   * empty implementations and says why, and using them never throws.
   */
  @Test
  void aNativeLibraryThatCannotLoadLeavesEmptyImplementationsAndAReason() {
    Win32 win32 = Win32.forOs(Os.WINDOWS);
    assertThat(win32.unavailable()).contains("JNA's native library could not be loaded");
    assertThat(win32.windows()).isSameAs(WindowMessenger.NONE);
    assertThat(win32.windowWatcher("MicroSIP", "C:\\m\\microsip.exe")).isEmpty();
    assertThatCode(() -> win32.windows().findAllByClass("MicroSIP")).doesNotThrowAnyException();
    assertThatCode(
            () ->
                win32
                    .registry()
                    .readString(
                        Registry.Hive.HKCU, "Software\\MicroSIP", "", Registry.View.DEFAULT))
        .doesNotThrowAnyException();
  }

  @Test
  void anyLinkageErrorOfTheLoaderIsCaught() {
    Win32 win32 =
        Win32.forOs(
            Os.WINDOWS,
            () -> {
              throw new UnsatisfiedLinkError("jnidispatch.dll: blocked by group policy");
            });
    assertThat(win32.unavailable()).contains("blocked by group policy");
    assertThat(Win32.forOs(Os.LINUX).unavailable()).isNull();
  }

  /** The shipped library beside the jar is used, and never unpacked into %TEMP%. */
  @Test
  void jnaIsPointedAtTheLibraryBesideTheJar() throws Exception {
    Properties properties = new Properties();
    assertThat(JnaBoot.configure(dir, properties)).isFalse(); // a developer build: JNA's default
    assertThat(properties).isEmpty();
    Files.createDirectories(dir.resolve("jna"));
    Files.write(dir.resolve("jna").resolve("jnidispatch.dll"), new byte[] {1});
    assertThat(JnaBoot.configure(dir, properties)).isTrue();
    assertThat(properties.getProperty("jna.boot.library.path"))
        .isEqualTo(dir.resolve("jna").toString());
    assertThat(properties.getProperty("jna.nounpack")).isEqualTo("true");
    Properties chosen = new Properties();
    chosen.setProperty("jna.boot.library.path", "D:\\admin\\jna");
    assertThat(JnaBoot.configure(dir, chosen)).isFalse(); // an administrator's choice stays
  }
}
