package dev.click2call.softphone.microsip;

import static dev.click2call.emulator.EmulatorFixture.kind;
import static dev.click2call.testing.HostProcess.callEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.emulator.EmulatorFixture;
import dev.click2call.testing.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code click2call dial} from a shell while a running host knows of a call: the one-shot command
 * asks the host over the per-user socket and says busy (exit 6) instead of letting MicroSIP in
 * single-call mode drop the dial silently; once the call ended it dials.
 */
class CliBusyTest {
  @Test
  void dialFromTheCliDuringACallIsBusyAndNothingReachesMicroSip() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      Map<String, String> env = MicroSipEndToEndTest.env(emulator.dir());
      Path launcher = emulator.click2callLauncher(env);
      emulator.writeIni("[Settings]", "singleMode=1");
      MicroSipEndToEndTest.installHooks(env, emulator, launcher);
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);

      try (HostProcess host = MicroSipEndToEndTest.startHost(emulator, env)) {
        assertThat(host.request("hello", Map.of())).containsEntry("ok", true);
        emulator.control("incoming", "+4930111");
        host.await(callEvent("ringing"), 30_000);

        Process busy = MicroSipEndToEndTest.cli(env, emulator.dir(), "dial", "+49 30 222");
        assertThat(busy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(busy.exitValue()).isEqualTo(6);
        assertThat(Files.readString(emulator.dir().resolve("cli.err"))).contains("busy");

        assertThat(host.request("answer", Map.of())).containsEntry("ok", true);
        host.await(callEvent("connected"), 30_000);
        Process again = MicroSipEndToEndTest.cli(env, emulator.dir(), "dial", "+49 30 333");
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(6);

        emulator.control("hangup-remote", null);
        host.await(callEvent("ended"), 30_000);
        Process free = MicroSipEndToEndTest.cli(env, emulator.dir(), "dial", "+49 30 444");
        assertThat(free.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(free.exitValue())
            .as(Files.readString(emulator.dir().resolve("cli.err")))
            .isZero();
        assertThat(Files.readString(emulator.dir().resolve("cli.out")).strip())
            .isEqualTo("+4930444");
        emulator.await(kind("call").and(e -> "+4930444".equals(e.get("number"))), 10_000);
        host.await(callEvent("dialing"), 30_000);
      }
      var journal = emulator.journal();
      assertThat(journal).noneMatch(kind("dial-ignored"));
      assertThat(journal.stream().filter(kind("command")).map(e -> e.get("text")))
          .containsExactly("/answer", "+4930444");
    }
  }
}
