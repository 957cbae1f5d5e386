package dev.click2call.host;

import static dev.click2call.testing.HostProcess.OWN_ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.json.Json;
import dev.click2call.protocol.FrameReader;
import dev.click2call.protocol.Frames;
import dev.click2call.testing.HostProcess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a browser runs it: a child process spoken to over its pipes. */
class HostProcessIT {
  private static final Map<String, String> NO_SOFTPHONE = Map.of("CLICK2CALL_SOFTPHONE", "none");

  @TempDir Path dir;

  /** The packaged jar in this test's folder, with this environment and these arguments. */
  private HostProcess start(Map<String, String> env, String... args) throws Exception {
    return HostProcess.packagedJar().isolatedIn(dir).environment(env).start(args);
  }

  @SuppressWarnings("unchecked")
  private static String errorCode(Map<String, Object> reply) {
    return (String) ((Map<String, Object>) reply.get("error")).get("code");
  }

  /** Parses all of standard output as frames; fails if any byte is left over. */
  private static List<Map<String, Object>> framesOnly(byte[] stdout) throws Exception {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(stdout));
    List<Map<String, Object>> frames = new ArrayList<>();
    byte[] frame;
    while ((frame = reader.next()) != null) {
      frames.add(Json.decodeObject(frame));
    }
    assertThat(reader.endedMidFrame()).as("stdout ends on a frame boundary").isFalse();
    return frames;
  }

  @Test
  void speaksTheProtocolAndExitsOnEndOfInput() throws Exception {
    try (HostProcess host = start(NO_SOFTPHONE, OWN_ORIGIN, "--parent-window=0")) {
      Map<String, Object> hello =
          host.request(Map.of("type", "hello", "id", "h1", "client", Map.of("name", "it")));
      assertThat(hello).containsEntry("ok", true).containsEntry("protocol", 1);
      assertThat(hello.get("softphone").toString())
          .isEqualTo("{kind=none, available=false, registration=null}");
      assertThat(hello.get("host").toString()).contains("version");

      Map<String, Object> unknown = host.request(Map.of("type", "teleport", "id", "u1"));
      assertThat(errorCode(unknown)).isEqualTo("unknown_type");

      host.sendRaw(frameOf("{not json"));
      Map<String, Object> malformed =
          host.await(m -> "reply".equals(m.get("type")) && m.get("id") == null, 5000);
      assertThat(errorCode(malformed)).isEqualTo("bad_request");

      Map<String, Object> status = host.request(Map.of("type", "status", "id", "s1"));
      assertThat(status).containsEntry("ok", true).containsEntry("call", null);

      Map<String, Object> dial =
          host.request(Map.of("type", "dial", "id", "d1", "target", "+1 (555) 010-4477"));
      assertThat(errorCode(dial)).isEqualTo("softphone_unavailable");

      Map<String, Object> hostile =
          host.request(Map.of("type", "dial", "id", "d2", "target", "/resetnoask"));
      assertThat(errorCode(hostile)).isEqualTo("invalid_target");

      host.closeInput();
      // The contract: end of input → exit status 0 within one second.
      assertThat(host.waitForExit(1000)).isEqualTo(0);
      List<Map<String, Object>> frames = framesOnly(host.rawStdout());
      assertThat(frames).hasSize(6);
      assertThat(host.stdoutError()).isNull();
    }
  }

  @Test
  void aBadFirstFrameIsLoggedToTheLogFileInTheHostsFormat() throws Exception {
    try (HostProcess host = start(NO_SOFTPHONE, OWN_ORIGIN)) {
      // The first frame: logged while logging is still starting in the background.
      host.sendRaw(frameOf("{not json"));
      Map<String, Object> malformed =
          host.await(m -> "reply".equals(m.get("type")) && m.get("id") == null, 5000);
      assertThat(errorCode(malformed)).isEqualTo("bad_request");
      host.closeInput();
      assertThat(host.waitForExit(5000)).isEqualTo(0);
    }
    String log = Files.readString(dir.resolve("logs").resolve("click2call.0.log"));
    assertThat(log).containsPattern("WARNING \\[\\d+\\] Dispatcher: bad frame: not valid JSON");
    String stderr = Files.readString(dir.resolve("host-stderr.txt"));
    assertThat(stderr)
        .contains("Dispatcher: bad frame") // warnings also go to stderr, in the same format
        .doesNotContain("WARNING: bad frame") // the JVM's default format: logging was not ready
        .doesNotContain("SLF4J");
  }

  @Test
  void anOversizedLengthEndsTheHostWithStatus3() throws Exception {
    try (HostProcess host = start(NO_SOFTPHONE, OWN_ORIGIN)) {
      host.request(Map.of("type", "hello", "id", "1"));
      host.sendRaw(Frames.header(Frames.MAX_FRAME_BYTES + 1));
      assertThat(host.waitForExit(5000)).isEqualTo(3);
      assertThat(framesOnly(host.rawStdout())).hasSize(1);
      assertThat(logText()).contains("exceeds the limit");
    }
  }

  @Test
  void aForeignExtensionIsRefusedWithoutReadingInput() throws Exception {
    try (HostProcess host = start(NO_SOFTPHONE, "chrome-extension://" + "b".repeat(32) + "/")) {
      // Standard input stays open: the host must not wait for it.
      assertThat(host.waitForExit(5000)).isEqualTo(4);
      assertThat(host.rawStdout()).isEmpty();
      assertThat(logText()).contains("not on the allowlist");
    }
  }

  @Test
  void firefoxLaunchArgumentsAreAccepted() throws Exception {
    Path manifest = dir.resolve("click2call.host.json");
    try (HostProcess host = start(NO_SOFTPHONE, manifest.toString(), "click2call@click2call.dev")) {
      assertThat(host.request(Map.of("type", "hello", "id", "f"))).containsEntry("ok", true);
      host.closeInput();
      assertThat(host.waitForExit(1000)).isEqualTo(0);
    }
  }

  @Test
  void anInvalidSettingsFileKeepsTheHostServingAndSaysWhy() throws Exception {
    Files.writeString(dir.resolve("config.json"), "{\"softphone\":\"skype\"}");
    try (HostProcess host = start(Map.of(), OWN_ORIGIN)) {
      Map<String, Object> dial =
          host.request(Map.of("type", "dial", "id", "d", "target", "+15550104477"));
      assertThat(errorCode(dial)).isEqualTo("softphone_unavailable");
      assertThat(dial.get("error").toString()).contains("config.json").contains("'softphone'");
      host.closeInput();
      assertThat(host.waitForExit(1000)).isEqualTo(0);
    }
    assertThat(logText()).contains("key 'softphone'");
  }

  @Test
  void manyInterleavedRequestsGetOneReplyEach() throws Exception {
    try (HostProcess host = start(NO_SOFTPHONE, OWN_ORIGIN)) {
      for (int i = 0; i < 200; i++) {
        host.send(Map.of("type", i % 2 == 0 ? "status" : "hello", "id", "r" + i));
      }
      for (int i = 0; i < 200; i++) {
        String id = "r" + i;
        host.await(m -> id.equals(m.get("id")), 10_000);
      }
      host.closeInput();
      assertThat(host.waitForExit(2000)).isEqualTo(0);
      assertThat(framesOnly(host.rawStdout())).hasSize(200);
    }
  }

  private static byte[] frameOf(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[4 + payload.length];
    System.arraycopy(Frames.header(payload.length), 0, frame, 0, 4);
    System.arraycopy(payload, 0, frame, 4, payload.length);
    return frame;
  }

  private String logText() throws Exception {
    Path logs = dir.resolve("logs");
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        text.append(Files.readString(file));
      }
    }
    return text.toString();
  }
}
