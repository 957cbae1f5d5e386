package dev.click2call.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack: a browser side that stops reading the host's replies (so every worker blocks on
 * standard output) and keeps sending 1 MiB requests. With an unbounded queue four such requests
 * filled the host's 64 MiB heap and it died; the host must stay up, answer every request exactly
 * once ({@code busy} for what it cannot hold) and exit normally.
 */
class RequestFloodTest {
  private static final int SMALL_REQUESTS = 3000; // their replies fill the stdout pipe
  private static final int LARGE_REQUESTS = 40;

  @TempDir Path dir;

  @Test
  void aFloodWhileRepliesAreNotReadIsAnsweredBusyAndTheHostSurvives() throws Exception {
    Process host = startWithTheLaunchersHeap();
    List<String> sentIds = new ArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream in = host.getOutputStream()) {
                for (int i = 0; i < SMALL_REQUESTS; i++) {
                  write(in, "{\"id\":\"s" + i + "\",\"type\":\"status\"}");
                  sentIds.add("s" + i);
                }
                for (int i = 0; i < LARGE_REQUESTS; i++) {
                  write(in, largeHello("L" + i));
                  sentIds.add("L" + i);
                }
              } catch (IOException e) {
                // the host died: the assertions below say so
              }
            },
            "flood-writer");
    writer.start();
    writer.join(10_000); // blocks once the host stops reading, which is the point
    assertThat(host.isAlive()).as("host alive while its replies are not read").isTrue();

    Map<String, Integer> replies = new HashMap<>();
    Map<String, String> errors = new HashMap<>();
    Thread reader = new Thread(() -> readReplies(host.getInputStream(), replies, errors));
    reader.start();
    writer.join(60_000);
    assertThat(writer.isAlive()).as("every request was taken").isFalse();
    assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000);

    assertThat(host.exitValue()).isZero();
    assertThat(sentIds).hasSize(SMALL_REQUESTS + LARGE_REQUESTS);
    assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(sentIds);
    assertThat(replies.values()).allMatch(count -> count == 1);
    assertThat(errors.values()).isNotEmpty().allMatch("busy"::equals);
  }

  private Process startWithTheLaunchersHeap() throws IOException {
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(heapOptionsOfTheLaunchers());
    command.addAll(List.of("-cp", classPath, "dev.click2call.Main"));
    command.add("chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("CLICK2CALL_SOFTPHONE", "none");
    env.put("CLICK2CALL_CONFIG", dir.resolve("config.json").toString());
    env.put("CLICK2CALL_SYSTEM_CONFIG", dir.resolve("system-config.json").toString());
    env.put("CLICK2CALL_LOG_DIR", dir.resolve("logs").toString());
    env.put("CLICK2CALL_RUNTIME_DIR", dir.resolve("run").toString());
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    return builder.start();
  }

  /** The memory options every launcher passes (jvm.options), so the heap is the real one. */
  private static List<String> heapOptionsOfTheLaunchers() throws IOException {
    try (InputStream options =
        RequestFloodTest.class.getResourceAsStream("/dev/click2call/jvm.options")) {
      return new String(options.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> line.matches("-Xm[sx].*|-Xss.*|-XX:\\+Use\\w+GC"))
          .collect(Collectors.toList());
    }
  }

  /**
   * A hello whose client object holds about 1 MiB of empty objects (cheap to send, not to hold).
   */
  private static String largeHello(String id) {
    String head = "{\"id\":\"" + id + "\",\"type\":\"hello\",\"client\":{\"pad\":[";
    int count = (1024 * 1024 - head.length() - 8) / 3;
    return head + "{},".repeat(count - 1) + "{}]}}";
  }

  private static void write(OutputStream out, String json) throws IOException {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(payload.length).array());
    out.write(payload);
    out.flush();
  }

  @SuppressWarnings("unchecked")
  private static void readReplies(
      InputStream stdout, Map<String, Integer> replies, Map<String, String> errors) {
    try (DataInputStream in = new DataInputStream(stdout)) {
      byte[] header = new byte[4];
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException e) {
          return;
        }
        int length = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        Map<String, Object> message = JSON.std.mapFrom(payload);
        if ("reply".equals(message.get("type"))) {
          String id = String.valueOf(message.get("id"));
          replies.merge(id, 1, Integer::sum);
          if (Boolean.FALSE.equals(message.get("ok"))) {
            errors.put(id, (String) ((Map<String, Object>) message.get("error")).get("code"));
          }
        }
      }
    } catch (IOException e) {
      // the host ended
    }
  }
}
