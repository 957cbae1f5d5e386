package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 11.13: a localized cmd.exe error (console code page, not UTF-8) is kept, not lost. */
class HostPingCharsetTest {
  @TempDir Path dir;

  @Test
  void aLocalizedCmdErrorInTheConsoleCodePageIsShown() throws Exception {
    Charset cp850 = Charset.forName("IBM850");
    String message =
        "Der Befehl \"java\" ist entweder falsch geschrieben oder konnte nicht gefunden werden. Überprüfen Sie den Pfad.";
    Path capture = Files.write(dir.resolve("stderr.txt"), message.getBytes(cp850));
    assertThat(HostPing.tail(capture, cp850)).isEqualTo("; stderr: " + message);
  }

  @Test
  void utf8StaysUtf8() throws Exception {
    Path capture = Files.write(dir.resolve("stderr.txt"), "Zoë ✓".getBytes(StandardCharsets.UTF_8));
    assertThat(HostPing.tail(capture, Charset.forName("IBM850"))).isEqualTo("; stderr: Zoë ✓");
  }
}
