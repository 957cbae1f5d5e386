package dev.click2call.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.config.Settings;
import dev.click2call.install.doctor.Finding;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.softphone.microsip.HookKey;
import dev.click2call.softphone.microsip.HookValues;
import dev.click2call.softphone.microsip.MicroSipIni;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroSipDoctorCheckTest {
  @TempDir Path dir;

  private Path exe() throws Exception {
    Path exe = dir.resolve("microsip.exe");
    Files.writeString(exe, "#!/bin/sh\n");
    exe.toFile().setExecutable(true);
    return exe;
  }

  private SoftphoneStatus check(Path exe) {
    return new MicroSipDoctorCheck(
            Settings.defaults(), Map.of("CLICK2CALL_MICROSIP", exe.toString()))
        .check();
  }

  private void writeIni(String text) throws Exception {
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 2);
    System.arraycopy(body, 0, all, 2, body.length);
    Files.write(dir.resolve("microsip.ini"), all);
  }

  @Test
  void aConfiguredMicroSipIsRelevantEvenOffWindows() {
    assertThat(
            MicroSipDoctorCheck.relevant(
                Settings.defaults(), Map.of("CLICK2CALL_MICROSIP", "/opt/microsip.exe")))
        .isTrue();
  }

  @Test
  void aMissingIniAsksToStartMicroSipOnce() throws Exception {
    SoftphoneStatus status = check(exe());
    assertThat(status.found()).isTrue();
    assertThat(status.configFile()).endsWith("microsip.ini");
    assertThat(status.fix()).contains("start MicroSIP once");
  }

  @Test
  void hooksThatDoNotRunClick2CallAreReportedWithTheFix() throws Exception {
    Path exe = exe();
    writeIni("[Settings]\r\ncmdCallStart=C:\\tools\\other.exe\r\n");
    SoftphoneStatus status = check(exe);
    assertThat(status.hooksInstalled()).isFalse();
    assertThat(status.fix()).isEqualTo("run: click2call microsip hooks install");
  }

  @Test
  void installedHooksPass() throws Exception {
    Path exe = exe();
    writeIni("[Settings]\r\n");
    MicroSipIni ini = MicroSipIni.load(dir.resolve("microsip.ini"));
    for (HookKey key : HookKey.values()) {
      ini.put("Settings", key.iniKey(), HookValues.valueFor("/usr/bin/click2call", key));
    }
    ini.save();
    SoftphoneStatus status = check(exe);
    assertThat(status.hooksInstalled()).isTrue();
    assertThat(status.problem()).isNull();
    assertThat(status.location()).isEqualTo(exe.toString());
  }

  /** Defect 11.6: without AF_UNIX the hooks cannot reach the host; doctor says so clearly. */
  @Test
  void noUnixDomainSocketsIsReportedAsHooksUnavailable() throws Exception {
    Path exe = exe();
    writeIni("[Settings]\r\nversion=3.20.5\r\n");
    SoftphoneStatus status =
        new MicroSipDoctorCheck(
                Settings.defaults(), Map.of("CLICK2CALL_MICROSIP", exe.toString()), () -> false)
            .check();
    assertThat(status.notes())
        .anySatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
              assertThat(f.message()).contains("hooks unavailable").contains("AF_UNIX");
              assertThat(f.fix()).contains("1803");
            });
    // Defect 11.3: doctor says which MicroSIP it found and what works with it.
    assertThat(status.notes())
        .anySatisfy(f -> assertThat(f.message()).contains("MicroSIP 3.20.5").contains("Decline"));
  }
}
