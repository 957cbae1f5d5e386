package dev.click2call.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.platform.ProcessStarter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defect 11.4: out of the browser's job when allowed, inside it (and saying so) when not. */
class JnaProcessStarterTest {
  private final List<String> calls = new ArrayList<>();

  @Test
  void breaksAwayFromTheJobInMicroSipsFolderWithoutQuotingTheSwitch() throws Exception {
    ProcessStarter.Started started =
        new JnaProcessStarter(
                (line, dir, flags) -> {
                  calls.add(line + " | " + dir + " | " + Integer.toHexString(flags));
                  return 4242;
                })
            .start(
                List.of("C:\\Program Files (x86)\\MicroSIP\\microsip.exe", "/minimized"),
                Path.of("/ms"));
    assertThat(started).isEqualTo(new ProcessStarter.Started(4242, null));
    assertThat(calls)
        .containsExactly(
            "\"C:\\Program Files (x86)\\MicroSIP\\microsip.exe\" /minimized | /ms | 5000000");
  }

  @Test
  void aJobThatForbidsBreakingAwayStartsItInsideAndSaysSo() throws Exception {
    ProcessStarter.Started started =
        new JnaProcessStarter(
                (line, dir, flags) -> {
                  calls.add(Integer.toHexString(flags));
                  return (flags & JnaProcessStarter.CREATE_BREAKAWAY_FROM_JOB) != 0 ? -5 : 77;
                })
            .start(List.of("C:\\m\\microsip.exe", "/minimized"), null);
    assertThat(started.pid()).isEqualTo(77);
    assertThat(started.note()).contains("job object");
    assertThat(calls).containsExactly("5000000", "4000000");
  }

  @Test
  void otherErrorsAreReported() {
    assertThatThrownBy(
            () ->
                new JnaProcessStarter((line, dir, flags) -> -2)
                    .start(List.of("C:\\gone\\microsip.exe"), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("error 2");
  }
}
