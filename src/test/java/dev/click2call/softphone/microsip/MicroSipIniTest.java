package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroSipIniTest {
  @TempDir Path dir;

  private Path writeUtf16(String text) throws Exception {
    Path file = dir.resolve("microsip.ini");
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void roundTripsUtf16WithBomKeepingEverythingElse() throws Exception {
    Path file =
        writeUtf16(
            "; managed by IT\r\n[Settings]\r\nsingleMode=1\r\ncmdCallEnd=C:\\Tools\\old.exe\r\n"
                + "[Account1]\r\nlabel=J\u00fcrgen\r\nserver=pbx.example.com:5061\r\n"
                + "[Calls]\r\n1=123;Bob;0;1700000000;12;\r\n");
    MicroSipIni ini = MicroSipIni.load(file);
    assertThat(ini.sections()).containsExactly("Settings", "Account1", "Calls"); // no BOM in name
    ini.put("settings", "CMDCALLSTART", "C:\\My Tools\\c.exe hook call-start");
    ini.save();

    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0]).isEqualTo((byte) 0xFF);
    assertThat(bytes[1]).isEqualTo((byte) 0xFE);
    String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    assertThat(text)
        .contains("; managed by IT")
        .contains("cmdCallEnd=C:\\Tools\\old.exe") // backslashes not escaped
        .contains("CMDCALLSTART=C:\\My Tools\\c.exe hook call-start")
        .contains("label=J\u00fcrgen")
        .contains("1=123;Bob;0;1700000000;12;")
        .doesNotContain("\\\\");
    assertThat(Files.exists(dir.resolve("microsip.ini.bak"))).isTrue();
  }

  @Test
  void matchesSectionsAndKeysCaseInsensitivelyKeepingTheirSpelling() throws Exception {
    MicroSipIni ini = MicroSipIni.load(writeUtf16("[SETTINGS]\r\nSingleMode=0\r\n"));
    assertThat(ini.get("Settings", "singleMode")).contains("0");
    ini.put("Settings", "singlemode", "1");
    assertThat(ini.text()).contains("[SETTINGS]").contains("SingleMode=1");
  }

  @Test
  void readsAnsiAndAMissingFileIsEmpty() throws Exception {
    Path ansi = dir.resolve("ansi.ini");
    Files.write(ansi, "[Settings]\r\nlabel=Caf\u00e9\r\n".getBytes("windows-1252"));
    assertThat(MicroSipIni.load(ansi).get("Settings", "label")).contains("Caf\u00e9");
    assertThat(MicroSipIni.load(dir.resolve("none.ini")).sections()).isEmpty();
  }
}
