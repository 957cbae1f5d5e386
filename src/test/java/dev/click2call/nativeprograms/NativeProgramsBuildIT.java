package dev.click2call.nativeprograms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PE headers of the two shipped programs: the hook program is a GUI program (no console window
 * flashes when MicroSIP runs it), the launcher a console program (browsers hand it their pipes); no
 * link timestamp; and a second build from the same sources gives the same bytes.
 */
class NativeProgramsBuildIT {
  private static final int GUI = 2;
  private static final int CONSOLE = 3;

  @TempDir Path temp;

  /** Subsystem and TimeDateStamp from the PE header. */
  private static int[] header(Path exe) throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(exe)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes.getShort(0)).as("MZ").isEqualTo((short) 0x5A4D);
    int pe = bytes.getInt(0x3C);
    assertThat(bytes.getInt(pe)).as("PE\\0\\0").isEqualTo(0x00004550);
    assertThat(bytes.getShort(pe + 4) & 0xFFFF).as("x86-64").isEqualTo(0x8664);
    int timestamp = bytes.getInt(pe + 8);
    int optional = pe + 24;
    assertThat(bytes.getShort(optional) & 0xFFFF).as("PE32+").isEqualTo(0x20B);
    int subsystem = bytes.getShort(optional + 68) & 0xFFFF;
    return new int[] {subsystem, timestamp};
  }

  @Test
  void theHookProgramIsGuiAndTheLauncherConsoleWithoutTimestamps() throws Exception {
    int[] hook = header(WineHookIT.native_("windows/click2call-hook.exe"));
    int[] host = header(WineHookIT.native_("windows/click2call-host.exe"));
    assertThat(hook[0]).as("click2call-hook.exe subsystem").isEqualTo(GUI);
    assertThat(host[0]).as("click2call-host.exe subsystem").isEqualTo(CONSOLE);
    assertThat(hook[1]).isZero();
    assertThat(host[1]).isZero();
  }

  @Test
  void aSecondBuildGivesTheSameBytes() throws Exception {
    Process build =
        new ProcessBuilder("sh", "src/main/c/build.sh", "main", ".", temp.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(build.getInputStream().readAllBytes());
    assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(output).isZero();
    for (String name : new String[] {"click2call-hook.exe", "click2call-host.exe"}) {
      assertThat(temp.resolve("windows").resolve(name))
          .hasSameBinaryContentAs(WineHookIT.native_("windows/" + name));
    }
  }
}
