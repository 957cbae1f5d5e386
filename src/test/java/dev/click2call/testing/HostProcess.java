package dev.click2call.testing;

import dev.click2call.json.Json;
import dev.click2call.protocol.FrameReader;
import dev.click2call.protocol.FrameWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged host running as a child process, spoken to over real pipes the way a browser does.
 * Every byte of its standard output is kept, so a test can prove it carried only frames.
 */
public final class HostProcess implements AutoCloseable {
  public static final String OWN_ORIGIN = "chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/";

  private final Process process;
  private final FrameWriter writer;
  private final ByteArrayOutputStream rawStdout = new ByteArrayOutputStream();
  private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
  private final List<Map<String, Object>> seen = new ArrayList<>();
  private final Thread pump;
  private volatile String pumpError;

  private HostProcess(Process process) {
    this.process = process;
    this.writer = new FrameWriter(process.getOutputStream());
    this.pump = new Thread(this::pumpStdout, "host-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  /** The packaged jar, as failsafe passes it; fails loudly when the jar was not built. */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("click2call.jar", "target/click2call.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the packaged jar is missing: " + jar + " (run mvn package)");
    }
    return jar.toAbsolutePath();
  }

  /** Starts {@code java -jar click2call.jar <args>} with the given extra environment. */
  public static HostProcess start(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.redirectError(workDir.resolve("host-stderr.txt").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("CLICK2CALL_LOG_DIR", workDir.resolve("logs").toString());
    environment.put("CLICK2CALL_CONFIG", workDir.resolve("config.json").toString());
    environment.put("CLICK2CALL_SYSTEM_CONFIG", workDir.resolve("system-config.json").toString());
    environment.put("CLICK2CALL_RUNTIME_DIR", workDir.resolve("run").toString());
    environment.putAll(env);
    return new HostProcess(builder.start());
  }

  private void pumpStdout() {
    try (InputStream in = process.getInputStream()) {
      InputStream tee =
          new InputStream() {
            @Override
            public int read() throws IOException {
              int b = in.read();
              if (b >= 0) {
                synchronized (rawStdout) {
                  rawStdout.write(b);
                }
              }
              return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
              int n = in.read(buffer, offset, length);
              if (n > 0) {
                synchronized (rawStdout) {
                  rawStdout.write(buffer, offset, n);
                }
              }
              return n;
            }
          };
      FrameReader reader = new FrameReader(tee);
      byte[] frame;
      while ((frame = reader.next()) != null) {
        messages.add(Json.decodeObject(frame));
      }
    } catch (IOException | RuntimeException e) {
      pumpError = e.toString();
    }
  }

  public void send(Map<String, ?> message) throws IOException {
    writer.write(Json.encode(message));
  }

  public void sendRaw(byte[] bytes) throws IOException {
    process.getOutputStream().write(bytes);
    process.getOutputStream().flush();
  }

  /** Sends a request and waits for its reply (events that arrive meanwhile are kept). */
  public Map<String, Object> request(Map<String, ?> request) throws Exception {
    send(request);
    Object id = request.get("id");
    return await(m -> "reply".equals(m.get("type")) && id.equals(m.get("id")), 10_000);
  }

  /** Waits for the first message, seen or to come, that matches. */
  public Map<String, Object> await(Predicate<Map<String, Object>> match, long timeoutMillis)
      throws InterruptedException {
    synchronized (seen) {
      for (Map<String, Object> message : seen) {
        if (match.test(message)) {
          seen.remove(message);
          return message;
        }
      }
    }
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError(
            "no matching message within " + timeoutMillis + " ms; seen " + seen);
      }
      Map<String, Object> message = messages.poll(left, TimeUnit.MILLISECONDS);
      if (message == null) {
        continue;
      }
      if (match.test(message)) {
        return message;
      }
      synchronized (seen) {
        seen.add(message);
      }
    }
  }

  /** Waits for the next event of the given kind (and, for call events, state). */
  public Map<String, Object> awaitEvent(String event, String state, long timeoutMillis)
      throws InterruptedException {
    return await(
        m ->
            "event".equals(m.get("type"))
                && event.equals(m.get("event"))
                && (state == null || state.equals(m.get("state"))),
        timeoutMillis);
  }

  public void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits for the exit status, or returns null after the timeout. */
  public Integer waitForExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      return null;
    }
    pump.join(2000);
    return process.exitValue();
  }

  /** Every byte the host wrote to standard output so far. */
  public byte[] rawStdout() {
    synchronized (rawStdout) {
      return rawStdout.toByteArray();
    }
  }

  /** Set when standard output held something that is not a well-formed frame. */
  public String stdoutError() {
    return pumpError;
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
