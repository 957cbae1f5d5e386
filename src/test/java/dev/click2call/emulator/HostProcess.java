package dev.click2call.emulator;

import dev.click2call.host.ExtensionIds;
import dev.click2call.json.Json;
import dev.click2call.protocol.FrameReader;
import dev.click2call.protocol.FrameWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** The host in its own JVM, launched as a browser launches it, spoken to over real pipes. */
public final class HostProcess implements AutoCloseable {
  private final Process process;
  private final FrameWriter writer;
  private final BlockingQueue<Map<String, Object>> inbox = new LinkedBlockingQueue<>();
  private final List<Map<String, Object>> seen = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  private HostProcess(Process process) {
    this.process = process;
    this.writer = new FrameWriter(process.getOutputStream());
    Thread reader = new Thread(this::readLoop, "host-frames");
    reader.setDaemon(true);
    reader.start();
  }

  public static HostProcess start(Map<String, String> env, Path stderr) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            EmulatorFixture.java(),
            "-cp",
            EmulatorFixture.productClasspath(),
            "dev.click2call.Main",
            ExtensionIds.bundled().chromiumOrigins().get(0));
    builder.environment().putAll(env);
    builder.redirectError(stderr.toFile());
    return new HostProcess(builder.start());
  }

  private void readLoop() {
    FrameReader reader = new FrameReader(process.getInputStream());
    try {
      byte[] frame;
      while ((frame = reader.next()) != null) {
        inbox.add(Json.decodeObject(frame));
      }
    } catch (IOException e) {
      // the host went away
    }
  }

  /** Sends a request and returns its reply. */
  public Map<String, Object> request(String type, Map<String, Object> fields) throws Exception {
    String id = "t" + ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>(fields);
    message.put("type", type);
    message.put("id", id);
    writer.write(Json.encode(message));
    return next(m -> "reply".equals(m.get("type")) && id.equals(m.get("id")), 20_000);
  }

  /** The next (not yet taken) message matching, waiting up to the timeout. */
  public synchronized Map<String, Object> next(
      Predicate<Map<String, Object>> match, long timeoutMillis) throws InterruptedException {
    for (Map<String, Object> message : seen) {
      if (match.test(message)) {
        seen.remove(message);
        return message;
      }
    }
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      Map<String, Object> message = inbox.poll(50, TimeUnit.MILLISECONDS);
      if (message == null) {
        continue;
      }
      if (match.test(message)) {
        return message;
      }
      seen.add(message);
    }
    throw new AssertionError("no matching message from the host; unmatched so far: " + seen);
  }

  public static Predicate<Map<String, Object>> callEvent(String state) {
    return m ->
        "event".equals(m.get("type"))
            && "call".equals(m.get("event"))
            && state.equals(m.get("state"));
  }

  public int closeInputAndWait() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("host did not exit after its input closed");
    }
    return process.exitValue();
  }

  /** Ends the host (and anything it started) by its own pid, and waits for it to be gone. */
  @Override
  public void close() {
    ProcessHandle handle = process.toHandle();
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    handle.onExit().join();
  }
}
