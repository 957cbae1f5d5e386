package dev.click2call.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsCommandLineTest {
  @Test
  void argumentsAreQuotedOnlyWhenNeededAsCommandLineToArgvSplitsThem() {
    assertThat(
            WindowsCommandLine.join(
                List.of("C:\\Program Files (x86)\\MicroSIP\\microsip.exe", "/exit")))
        .isEqualTo("\"C:\\Program Files (x86)\\MicroSIP\\microsip.exe\" /exit");
    assertThat(WindowsCommandLine.join(List.of("C:\\m\\microsip.exe", "/minimized")))
        .isEqualTo("C:\\m\\microsip.exe /minimized");
    assertThat(WindowsCommandLine.join(List.of("a", "", "say \"hi\"", "C:\\dir\\ x\\")))
        .isEqualTo("a \"\" \"say \\\"hi\\\"\" \"C:\\dir\\ x\\\\\"");
  }
}
