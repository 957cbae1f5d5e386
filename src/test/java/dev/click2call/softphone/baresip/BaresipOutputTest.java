package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaresipOutputTest {
  @TempDir Path dir;

  @Test
  void theLogIsRotatedLikeTheHostsAndStaysPrivate() throws Exception {
    Path file = dir.resolve("logs").resolve("baresip.log");
    BaresipOutput output = new BaresipOutput(file);
    String line = "call: connecting to 'sip:+4930123456@pbx.example.com'.." + "x".repeat(200);
    for (int i = 0; i < 30_000; i++) { // about 7.5 MiB
      output.line(line);
    }
    output.close();
    assertThat(Files.size(file)).isLessThanOrEqualTo(BaresipOutput.FILE_LIMIT_BYTES);
    for (int i = 1; i < BaresipOutput.FILE_COUNT; i++) {
      Path older = file.resolveSibling("baresip.log." + i);
      assertThat(Files.size(older)).isLessThanOrEqualTo(BaresipOutput.FILE_LIMIT_BYTES);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(older)))
          .isEqualTo("rw-------");
    }
    assertThat(file.resolveSibling("baresip.log." + BaresipOutput.FILE_COUNT)).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void anAudioDeviceThatDidNotOpenExplainsABareErrno() {
    BaresipOutput output = new BaresipOutput(dir.resolve("baresip.log"));
    assertThat(EndReasons.explain("Unknown error -2", output))
        .isEqualTo("baresip failed: not found (error 2); see baresip.log");
    output.line(
        "\u001b[31malsa: could not open auplay device 'default' (No such file or directory)");
    output.line("\u001b[;m\u001b[31maudio: start_player failed (alsa.default): Unknown error -2");
    assertThat(EndReasons.explain("Unknown error -2", output))
        .isEqualTo(
            "no usable audio device: baresip could not open the speaker (alsa device 'default':"
                + " No such file or directory); run 'click2call doctor'");
    assertThat(EndReasons.explain("486 Busy Here", output)).isEqualTo("486 Busy Here");
    assertThat(EndReasons.explain("Connection reset by peer", output))
        .isEqualTo("Connection reset by peer");
  }
}
