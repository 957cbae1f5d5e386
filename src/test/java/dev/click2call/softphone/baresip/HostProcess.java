package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

/**
 * The packaged host run as a browser runs it: a child process ({@code dev.click2call.Main} with an
 * extension origin argument) spoken to over its real standard input and output pipes.
 */
final class HostProcess implements AutoCloseable {
  static final String ORIGIN = "chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/";

  private final Process process;
  private final OutputStream in;
  private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
  private final List<Map<String, Object>> seen = new ArrayList<>();
  private final List<Map<String, Object>> transcript =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread reader;
  private volatile boolean streamEnded;

  private HostProcess(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    this.reader = new Thread(this::readLoop, "host-stdout-reader");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  static HostProcess start(Map<String, String> env, Path stderrFile) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "dev.click2call.Main", ORIGIN)
            .redirectError(ProcessBuilder.Redirect.appendTo(stderrFile.toFile()));
    builder.environment().putAll(env);
    return new HostProcess(builder.start());
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  /** Sends a request and returns its id. */
  synchronized String send(String type, Map<String, Object> fields) throws IOException {
    String id = type + "-" + ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("id", id);
    message.putAll(fields);
    byte[] payload = JSON.std.asBytes(message);
    byte[] header =
        ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(payload.length).array();
    in.write(header);
    in.write(payload);
    in.flush();
    return id;
  }

  /** Sends a request and waits for its reply. */
  Map<String, Object> request(String type, Map<String, Object> fields) throws Exception {
    String id = send(type, fields);
    return await(
        m -> "reply".equals(m.get("type")) && id.equals(m.get("id")), 10_000, "reply " + id);
  }

  Map<String, Object> request(String type) throws Exception {
    return request(type, Map.of());
  }

  /** Waits for a call event in the given state. */
  Map<String, Object> awaitCall(String state) throws Exception {
    return await(
        m ->
            "event".equals(m.get("type"))
                && "call".equals(m.get("event"))
                && state.equals(m.get("state")),
        15_000,
        "call event " + state);
  }

  Map<String, Object> awaitSoftphone(boolean available, long timeoutMillis) throws Exception {
    return await(
        m ->
            "event".equals(m.get("type"))
                && "softphone".equals(m.get("event"))
                && Boolean.valueOf(available).equals(m.get("available")),
        timeoutMillis,
        "softphone event available=" + available);
  }

  /** Waits for a message, looking first at those already received but not yet matched. */
  synchronized Map<String, Object> await(
      Predicate<Map<String, Object>> wanted, long timeoutMillis, String what) throws Exception {
    for (Map<String, Object> message : seen) {
      if (wanted.test(message)) {
        seen.remove(message);
        return message;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      Map<String, Object> message = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError(
            "timed out waiting for "
                + what
                + "; unmatched so far: "
                + seen
                + " (stream ended: "
                + streamEnded
                + ")");
      }
      if (wanted.test(message)) {
        return message;
      }
      seen.add(message);
    }
  }

  /** Every message received so far, in arrival order. */
  List<Map<String, Object>> transcript() {
    synchronized (transcript) {
      return List.copyOf(transcript);
    }
  }

  /** Forgets messages no wait has taken (between rounds of a benchmark). */
  synchronized void forgetUnmatched() {
    received.clear();
    seen.clear();
  }

  /** Every message received so far that no wait has taken, in order. */
  synchronized List<Map<String, Object>> drainUnmatched() {
    received.drainTo(seen);
    return List.copyOf(seen);
  }

  /** Closes standard input (the browser closing the port) and waits for the exit status. */
  int closeInputAndWait(long timeoutMillis) throws Exception {
    in.close();
    assertThat(process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS))
        .as("host exits after its input closes")
        .isTrue();
    return process.exitValue();
  }

  private void readLoop() {
    try (InputStream stdout = process.getInputStream()) {
      DataInputStream data = new DataInputStream(stdout);
      byte[] header = new byte[4];
      while (true) {
        try {
          data.readFully(header);
        } catch (EOFException e) {
          break;
        }
        int length = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt();
        byte[] payload = data.readNBytes(length);
        Map<String, Object> message = JSON.std.mapFrom(payload);
        transcript.add(message);
        received.add(message);
      }
    } catch (IOException e) {
      // the process ended
    }
    streamEnded = true;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
