package dev.click2call.emulator;

import static dev.click2call.emulator.EmulatorFixture.kind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The emulator itself behaves as microsip.md describes (so the adapter's tests mean something). */
class MicroSipEmulatorTest {
  @Test
  void secondLaunchForwardsAndTheGrammarIsFaithful() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni(
          "[Settings]", "singleMode=1", "cmdCallStart=\"/bin/true\" --x", "[Dialed]", "1=42");
      assertThat(emulator.launch("/answer").waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(emulator.running()).isFalse(); // /answer with no instance exits at once
      emulator.await(kind("exit-at-once"), 1000);

      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      for (String command :
          new String[] {
            "123 /account:2 /password:pw", "5550100 hello", "callto://+49301/", "/resetnoask"
          }) {
        Process second = emulator.launch(command);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
      }
      emulator.await(kind("exit"), 30_000); // /resetnoask closes the running instance

      var journal = emulator.journal();
      assertThat(journal.stream().filter(kind("violation")).map(e -> e.get("what")))
          .containsExactly("account-switch", "password-overwrite", "instant-message", "reset");
      assertThat(journal.stream().filter(kind("call")).map(e -> e.get("number")))
          .containsExactly("+49301");
      assertThat(journal.stream().filter(kind("start"))).hasSize(1);
      // [Settings] rewritten from memory on exit, hook values wrapped in quotes (3.22); others
      // kept.
      assertThat(emulator.iniText())
          .contains("cmdCallStart=\"\"/bin/true\" --x\"")
          .contains("version=3.22.3")
          .contains("[Dialed]\r\n1=42");
    }
  }

  @Test
  void singleCallModeIgnoresADialDuringACall() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.launch("+4930111");
      emulator.awaitRunning(30_000);
      emulator.await(kind("call"), 30_000);
      assertThat(emulator.launch("+4930222").waitFor(30, TimeUnit.SECONDS)).isTrue();
      Map<String, Object> ignored = emulator.await(kind("dial-ignored"), 10_000);
      assertThat(ignored).containsEntry("number", "+4930222");
      assertThat(emulator.control("state", null)).contains("+4930111").doesNotContain("+4930222");
    }
  }
}
