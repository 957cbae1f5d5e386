package dev.click2call.nativeprograms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.ipc.HookMessage;
import dev.click2call.ipc.HookSender;
import dev.click2call.softphone.microsip.HookKey;
import dev.click2call.softphone.microsip.HookValues;
import dev.click2call.testing.WinePrefix;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hook path under Wine, from "MicroSIP runs the hook" to the message the hook program sends:
 * the MicroSIP stand-in (src/test/c/microsip_standin.c) reads hook values written by the product's
 * {@link HookValues} from its UTF-16 ini and runs them like MicroSIP (ShellExecuteEx, the caller's
 * id appended unquoted, waiting). Wine has no AF_UNIX, so the program's message is observed through
 * its CLICK2CALL_HOOK_TRACE file; the same code's transport is proven natively by
 * NativeHookTransportIT.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WineHookIT {
  private static WinePrefix wine;
  private static Path programs;
  private static Path softphone;

  @BeforeAll
  static void prefix() throws Exception {
    wine = WinePrefix.create("hook");
    // An install folder with a space and a non-ASCII user name, like a per-user install.
    programs = Files.createDirectories(wine.driveC().resolve("Users/Jürgen/Programs/Click 2 Call"));
    Files.copy(native_("windows/click2call-hook.exe"), programs.resolve("click2call-hook.exe"));
    softphone = Files.createDirectories(wine.driveC().resolve("MicroSIP"));
    Files.copy(native_("test-windows/microsip-standin.exe"), softphone.resolve("microsip.exe"));
    Files.copy(native_("test-windows/trivial-gui.exe"), softphone.resolve("trivial.exe"));
  }

  @AfterAll
  static void end() throws Exception {
    if (wine != null) {
      wine.close();
    }
  }

  static Path native_(String name) {
    Path file = Path.of("target", "native", name).toAbsolutePath();
    assertThat(file)
        .as("built by src/main/c/build.sh (needs gcc-mingw-w64-x86-64)")
        .isRegularFile();
    return file;
  }

  /** MicroSIP's ini in portable mode: UTF-16LE with BOM, [Settings] with our hook values. */
  private static void writeIni(Map<String, String> settings) throws Exception {
    StringBuilder text = new StringBuilder("\uFEFF[Settings]\r\n");
    settings.forEach((key, value) -> text.append(key).append('=').append(value).append("\r\n"));
    Files.write(
        softphone.resolve("microsip.ini"), text.toString().getBytes(StandardCharsets.UTF_16LE));
  }

  private static String hookValue(HookKey key) {
    return HookValues.valueFor(wine.windowsPath(programs.resolve("click2call-hook.exe")), key);
  }

  /** What the hook must send for a remote appended by MicroSIP: CommandLineToArgvW's tokens. */
  private static String expectedLine(HookKey key, String remote) {
    List<String> tokens = HookValues.split(key.event() + " " + remote);
    String joined = String.join(" ", tokens.subList(1, tokens.size()));
    return new String(
            HookSender.encode(new HookMessage(key.event(), joined)), StandardCharsets.UTF_8)
        .stripTrailing();
  }

  private static List<String> trace(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void microsipRunsTheHookAndHostileCallerIdsArriveAsData() throws Exception {
    Path pwned = wine.driveC().resolve("pwned.txt");
    List<String> remotes =
        List.of(
            "1&echo pwned>C:\\pwned.txt",
            "a\"b",
            "%PATH%",
            "^&^|",
            "Jürgen Ψ 試",
            "+49 (30) 1234",
            "\\\"&calc");
    writeIni(
        Map.of(
            "cmdCallRing", hookValue(HookKey.CALL_RING),
            "cmdCallStart", "\"" + hookValue(HookKey.CALL_START) + "\"", // as MicroSIP 3.22 saves
            "cmdCallEnd", hookValue(HookKey.CALL_END)));
    StringBuilder events = new StringBuilder();
    List<String> expected = new ArrayList<>();
    HookKey[] keys = {HookKey.CALL_RING, HookKey.CALL_START, HookKey.CALL_END};
    for (int i = 0; i < remotes.size(); i++) {
      HookKey key = keys[i % keys.length];
      events.append(key.iniKey()).append('\t').append(remotes.get(i)).append('\n');
      expected.add(expectedLine(key, remotes.get(i)));
      expected.add("delivered=0 stale=0 failed=0");
    }
    Files.writeString(softphone.resolve("events.txt"), events);
    Path trace = wine.driveC().resolve("trace-hostile.txt");

    WinePrefix.Result result =
        wine.run(
            List.of(
                wine.windowsPath(softphone.resolve("microsip.exe")),
                "--events",
                wine.windowsPath(softphone.resolve("events.txt"))),
            Map.of("CLICK2CALL_HOOK_TRACE", wine.windowsPath(trace)),
            null,
            true,
            180);
    String log = Files.readString(softphone.resolve("standin.log"), StandardCharsets.UTF_8);
    assertThat(result.exitCode()).as(log + result.stderr()).isZero();
    assertThat(log).contains("events done").doesNotContain("waited=timeout").doesNotContain("ok=0");
    assertThat(trace(trace)).containsExactlyElementsOf(expected);
    assertThat(trace(trace).get(0))
        .isEqualTo("{\"event\":\"call-ring\",\"remote\":\"1&echo pwned>C:\\\\pwned.txt\"}");
    assertThat(pwned).as("no shell ran the caller's id").doesNotExist();
  }

  // Last: under Wine 8, after cmd.exe ran a hook, later windowed programs in this prefix failed to
  // create their window (seen, not understood); it must not hide the other results.
  @Test
  @org.junit.jupiter.api.Order(4)
  void aBatchHookLauncherWouldRunTheCallersCommand() throws Exception {
    // The negative control: the old .bat/.cmd launcher, run the same way, executes "1&…".
    Path bat = programs.resolve("click2call.bat");
    Files.writeString(bat, "@echo off\r\nrem hook %*\r\n");
    Path pwned = wine.driveC().resolve("pwned-bat.txt");
    writeIni(Map.of("cmdCallRing", "\"" + wine.windowsPath(bat) + "\" hook call-ring"));
    Files.writeString(
        softphone.resolve("events.txt"), "cmdCallRing\t1&echo pwned>C:\\pwned-bat.txt\n");
    wine.run(
        List.of(
            wine.windowsPath(softphone.resolve("microsip.exe")),
            "--events",
            wine.windowsPath(softphone.resolve("events.txt"))),
        Map.of(),
        null,
        true,
        180);
    assertThat(pwned).as("cmd.exe ran the caller's id: why .bat launchers are refused").exists();
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void aDialByWmCopyDataFiresTheOutgoingCallHook() throws Exception {
    writeIni(Map.of("cmdOutgoingCall", hookValue(HookKey.OUTGOING_CALL)));
    Files.copy(
        native_("test-windows/copydata-send.exe"),
        softphone.resolve("send.exe"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path trace = wine.driveC().resolve("trace-dial.txt");
    // One display session: MicroSIP runs, the sender dials like the host does, then closes it.
    Path script = softphone.resolve("dial.sh");
    String exe = softphone.resolve("microsip.exe").toString();
    String send = softphone.resolve("send.exe").toString();
    Files.writeString(
        script,
        "wine '"
            + exe
            + "' &\n"
            + "wine '"
            + send
            + "' 'sip:+4930123' || exit 11\n"
            + "sleep 3\n"
            + "wine '"
            + send
            + "' --close || exit 12\n"
            + "wait\n");
    WinePrefix.Result result =
        wine.runShell(script, Map.of("CLICK2CALL_HOOK_TRACE", wine.windowsPath(trace)), 180);
    String log = Files.readString(softphone.resolve("standin.log"), StandardCharsets.UTF_8);
    assertThat(result.exitCode()).as(log + result.stderr()).isZero();
    assertThat(log).contains("command sip:+4930123");
    assertThat(trace(trace))
        .containsExactly(
            "{\"event\":\"outgoing-call\",\"remote\":\"+4930123\"}",
            "delivered=0 stale=0 failed=0");
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void withoutAfUnixAnEndpointIsKeptNotDeleted() throws Exception {
    // Wine 8 has no AF_UNIX (WSAEAFNOSUPPORT): the hook must not take a live host's endpoint for
    // a stale one.
    Path hosts = Files.createDirectories(wine.driveC().resolve("users/hooktest/click2call/hosts"));
    Path endpoint = Files.writeString(hosts.resolve("4242.sock"), "");
    Path trace = wine.driveC().resolve("trace-endpoint.txt");
    WinePrefix.Result result =
        wine.run(
            List.of(wine.windowsPath(programs.resolve("click2call-hook.exe")), "call-end", "42"),
            Map.of(
                "CLICK2CALL_HOOK_TRACE", wine.windowsPath(trace),
                "CLICK2CALL_RUNTIME_DIR", wine.windowsPath(hosts.getParent())),
            null,
            false,
            120);
    assertThat(result.exitCode()).isZero();
    assertThat(trace(trace))
        .containsExactly(
            "{\"event\":\"call-end\",\"remote\":\"42\"}", "delivered=0 stale=0 failed=1");
    assertThat(endpoint).exists();
    assertThat(ByteBuffer.wrap(Files.readAllBytes(endpoint)).remaining()).isZero();
  }
}
