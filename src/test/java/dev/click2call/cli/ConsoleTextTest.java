package dev.click2call.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.install.doctor.DoctorReport;
import dev.click2call.install.doctor.Finding;
import dev.click2call.install.doctor.ReportPrinter;
import dev.click2call.install.doctor.Section;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defect 11.13: doctor's output in a named charset, readable on cp437/850 consoles. */
class ConsoleTextTest {
  private static DoctorReport report() {
    return new DoctorReport(
        List.of(
            new Section(
                "softphone:microsip",
                "Softphone: MicroSIP",
                "works",
                List.of(Finding.ok("MicroSIP found at C:\\Zoë\\microsip.exe")))));
  }

  @Test
  void anOemConsoleGetsAsciiMarksThatItCanShow() {
    Charset cp850 = Charset.forName("IBM850");
    assertThat(ConsoleText.canShowMarks(cp850)).isFalse();
    assertThat(ConsoleText.canShowMarks(Charset.forName("IBM437"))).isFalse();
    assertThat(ConsoleText.canShowMarks(StandardCharsets.UTF_8)).isTrue();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter out = ConsoleText.writer(bytes, cp850);
    ReportPrinter.human(report(), out, ConsoleText.canShowMarks(cp850));
    String shown = new String(bytes.toByteArray(), cp850);
    assertThat(shown).contains("[ok] Softphone: MicroSIP - works").contains("C:\\Zoë\\");
    assertThat(shown).doesNotContain("?");
  }

  @Test
  void redirectedOutputIsUtf8() {
    assertThat(ConsoleText.humanCharset(null)).isEqualTo(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportPrinter.json(report(), ConsoleText.writer(bytes, StandardCharsets.UTF_8));
    assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).contains("C:\\\\Zoë\\\\");
  }
}
