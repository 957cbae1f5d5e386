package dev.click2call.softphone.microsip;

import static dev.click2call.emulator.EmulatorFixture.kind;
import static dev.click2call.testing.HostProcess.callEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.dialing.HostileTargets;
import dev.click2call.emulator.EmulatorFixture;
import dev.click2call.testing.HostProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole path on Linux: hooks installed by the CLI into the emulator's UTF-16LE ini, the host
 * started as a browser starts it, dial/hangup as framed requests, call events from MicroSIP's hooks
 * through {@code click2call hook} and the per-user socket.
 */
class MicroSipEndToEndTest {
  private static final String HOSTILE_CALLER = "1$(touch x)&calc;'\"";

  @Test
  void dialConnectHangupAndAHostileIncomingCall() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      Map<String, String> env = env(emulator.dir());
      Path launcher = emulator.click2callLauncher(env);
      emulator.writeIni(
          "; provisioned by IT",
          "[Settings]",
          "singleMode=1",
          "cmdCallEnd=/bin/true previous-hook",
          "[Account1]",
          "server=sip.example.com:5061",
          "domain=example.com");

      installHooks(env, emulator, launcher);
      String ini = emulator.iniText();
      assertThat(ini)
          .contains("cmdCallStart=\"" + launcher + "\" hook call-start")
          .contains("[Account1]")
          .contains("server=sip.example.com:5061")
          .contains("; provisioned by IT");

      try (HostProcess host = startHost(emulator, env)) {
        Map<String, Object> hello = host.request("hello", Map.of());
        assertThat(hello).containsEntry("ok", true);
        assertThat(hello.get("softphone").toString())
            .isEqualTo("{kind=microsip, available=true, registration=null}");

        Map<String, Object> dialed = host.request("dial", Map.of("target", "+1 (555) 010-4477"));
        assertThat(dialed).containsEntry("ok", true).containsEntry("dialed", "+15550104477");
        Map<String, Object> dialing = host.await(callEvent("dialing"), 30_000);
        assertThat(dialing)
            .containsEntry("direction", "out")
            .containsEntry("remote", "+15550104477");
        assertThat(emulator.await(kind("call"), 5_000)).containsEntry("number", "+15550104477");

        Map<String, Object> second = host.request("dial", Map.of("target", "+4930123456"));
        assertThat(second).containsEntry("ok", false);
        assertThat(error(second)).isEqualTo("busy");

        assertThat(emulator.control("answer-remote", null)).isEqualTo("ok");
        assertThat(host.await(callEvent("connected"), 30_000)).containsEntry("direction", "out");
        Map<String, Object> status = host.request("status", Map.of());
        assertThat(((Map<?, ?>) status.get("call")).get("state")).isEqualTo("connected");

        assertThat(host.request("hangup", Map.of())).containsEntry("ok", true);
        assertThat(host.await(callEvent("ended"), 30_000)).containsEntry("direction", "out");
        // The user's own cmdCallEnd ran after ours, with the number appended.
        emulator.await(kind("command").and(e -> "/hangupall".equals(e.get("text"))), 5_000);

        host.request("status", Map.of());
        assertThat(host.request("status", Map.of()).get("call")).isNull();

        emulator.control("incoming", HOSTILE_CALLER);
        Map<String, Object> incoming = host.await(callEvent("incoming"), 30_000);
        assertThat(incoming)
            .containsEntry("direction", "in")
            .containsEntry("remote", HOSTILE_CALLER);
        assertThat(host.await(callEvent("ringing"), 30_000))
            .containsEntry("remote", HOSTILE_CALLER);
        assertThat(host.request("answer", Map.of())).containsEntry("ok", true);
        assertThat(host.await(callEvent("connected"), 30_000)).containsEntry("direction", "in");
        emulator.control("hangup-remote", null);
        assertThat(host.await(callEvent("ended"), 30_000)).containsEntry("remote", HOSTILE_CALLER);

        for (String target : HostileTargets.CORPUS) {
          Map<String, Object> reply = host.request("dial", Map.of("target", target));
          assertThat(reply).as(target).containsEntry("ok", false);
          assertThat(error(reply)).as(target).isIn("invalid_target", "bad_request");
        }
        assertThat(host.closeInputAndWait(10_000)).isZero();
      }

      List<Map<String, Object>> journal = emulator.journal();
      assertThat(journal).noneMatch(kind("violation"));
      assertThat(journal).noneMatch(kind("dial-ignored"));
      assertThat(journal.stream().filter(kind("call"))).hasSize(1);
      List<Object> received = new ArrayList<>();
      journal.stream().filter(kind("command")).forEach(e -> received.add(e.get("text")));
      assertThat(received).containsExactly("+15550104477", "/hangupall", "/answer");
      List<Map<String, Object>> hooks = journal.stream().filter(kind("hook")).toList();
      assertThat(hooks).allMatch(h -> Integer.valueOf(0).equals(h.get("exit")));
      assertThat(hooks)
          .anyMatch(
              h ->
                  h.get("argv").equals(List.of("/bin/true", "previous-hook", "+15550104477"))
                      || h.get("argv").toString().contains("hook, call-end"));
      assertThat(emulator.dir().resolve("x")).doesNotExist();
      assertThat(emulator.dir().resolve("my tools").resolve("x")).doesNotExist();
      assertThat(Path.of("x")).doesNotExist();
      System.out.println("hook runs (ms): " + hooks.stream().map(h -> h.get("ms")).toList());
    }
  }

  private static String error(Map<String, Object> reply) {
    return String.valueOf(((Map<?, ?>) reply.get("error")).get("code"));
  }

  static Map<String, String> env(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("CLICK2CALL_MICROSIP", dir.resolve("microsip").toString());
    env.put("CLICK2CALL_RUNTIME_DIR", dir.resolve("rt").toString());
    env.put("CLICK2CALL_CONFIG", dir.resolve("config.json").toString());
    env.put("CLICK2CALL_SYSTEM_CONFIG", dir.resolve("system.json").toString());
    env.put("CLICK2CALL_LOG_DIR", dir.resolve("logs").toString());
    env.put("CLICK2CALL_SOFTPHONE", "auto");
    return env;
  }

  /** The host as a browser starts it, in the emulator's environment. */
  static HostProcess startHost(EmulatorFixture emulator, Map<String, String> env)
      throws IOException {
    return HostProcess.thisClassPath()
        .environment(env)
        .stderrTo(emulator.dir().resolve("host.err"))
        .replyTimeout(Duration.ofSeconds(20))
        .start(HostProcess.OWN_ORIGIN);
  }

  /** {@code click2call microsip hooks install --launcher <launcher>}, which must succeed. */
  static void installHooks(Map<String, String> env, EmulatorFixture emulator, Path launcher)
      throws Exception {
    Process install =
        cli(env, emulator.dir(), "microsip", "hooks", "install", "--launcher", launcher.toString());
    assertThat(install.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(install.exitValue())
        .as(Files.readString(emulator.dir().resolve("cli.err")))
        .isZero();
  }

  static Process cli(Map<String, String> env, Path dir, String... args) throws Exception {
    List<String> command = EmulatorFixture.cliCommand(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    builder.redirectError(dir.resolve("cli.err").toFile());
    builder.redirectOutput(dir.resolve("cli.out").toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }
}
