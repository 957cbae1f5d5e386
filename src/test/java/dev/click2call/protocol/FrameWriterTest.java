package dev.click2call.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

  @Test
  void writesHeaderAndPayloadInNativeOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FrameWriter(out).write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith(11, 0, 0, 0);
    assertThat(new String(bytes, 4, bytes.length - 4, StandardCharsets.UTF_8))
        .isEqualTo("{\"ok\":true}");
  }

  @Test
  void refusesAFrameTheBrowserWouldReject() {
    FrameWriter writer = new FrameWriter(new ByteArrayOutputStream());
    assertThatThrownBy(() -> writer.write(new byte[Frames.MAX_FRAME_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void framesFromManyThreadsNeverInterleave() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameWriter writer = new FrameWriter(out);
    int threads = 8;
    int perThread = 200;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    writer.write(
                        ("{\"t\":" + thread + ",\"i\":" + i + ",\"pad\":\"" + "x".repeat(i) + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
    Set<String> seen = new HashSet<>();
    byte[] frame;
    while ((frame = reader.next()) != null) {
      var message = Json.decodeObject(frame);
      seen.add(message.get("t") + "/" + message.get("i"));
    }
    assertThat(seen).hasSize(threads * perThread);
  }
}
