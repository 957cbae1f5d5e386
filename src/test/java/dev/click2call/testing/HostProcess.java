package dev.click2call.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The host as a browser runs it: a child process spoken to over its real standard input and output.
 * Every byte of its standard output is kept, so a test can prove it carried only frames. Started
 * through a {@link HostLaunch}: {@link #packagedJar()} for the {@code *IT} tests (run by failsafe
 * after packaging), {@link #thisClassPath()} for tests run by surefire.
 */
public final class HostProcess implements AutoCloseable {
  /** The project's own Chromium extension, as a browser names it to the host. */
  public static final String OWN_ORIGIN = "chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/";

  private static final long CALL_EVENT_TIMEOUT_MILLIS = 15_000;

  private final Process process;
  private final OutputStream stdin;
  private final long replyTimeoutMillis;
  private final CopyingInputStream stdout;
  private final Inbox inbox = new Inbox();
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread reader;
  private volatile String stdoutError;

  HostProcess(Process process, Duration replyTimeout) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.replyTimeoutMillis = replyTimeout.toMillis();
    this.stdout = new CopyingInputStream(process.getInputStream());
    this.reader = new Thread(this::readStdout, "host-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static HostLaunch packagedJar() {
    return HostLaunch.packagedJar();
  }

  /** A given jar (e.g. a copy of the packaged one, with files of its own beside it). */
  public static HostLaunch jar(java.nio.file.Path jar) {
    return HostLaunch.jar(jar);
  }

  /** Where the packaged jar is. */
  public static java.nio.file.Path packagedJarFile() {
    return HostLaunch.packagedJarFile();
  }

  public static HostLaunch thisClassPath() {
    return HostLaunch.thisClassPath();
  }

  private void readStdout() {
    try (stdout) {
      Map<String, Object> message;
      while ((message = BrowserFrames.read(stdout)) != null) {
        inbox.add(message);
      }
    } catch (IOException | RuntimeException e) {
      stdoutError = e.toString();
    } finally {
      inbox.end();
    }
  }

  /** Sends a message exactly as given. */
  public void send(Map<String, ?> message) throws IOException {
    synchronized (stdin) {
      BrowserFrames.write(stdin, message);
    }
  }

  /** Sends a request of this type with a fresh id, and returns the id. */
  public String send(String type, Map<String, ?> fields) throws IOException {
    String id = type + "-" + ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("id", id);
    message.putAll(fields);
    send(message);
    return id;
  }

  /** Writes bytes as they are, framed or not. */
  public void sendRaw(byte[] bytes) throws IOException {
    synchronized (stdin) {
      stdin.write(bytes);
      stdin.flush();
    }
  }

  /** Sends a request that carries its own id and waits for the reply to it. */
  public Map<String, Object> request(Map<String, ?> request) throws Exception {
    send(request);
    return awaitReply(request.get("id"));
  }

  /** Sends a request of this type with a fresh id and waits for the reply to it. */
  public Map<String, Object> request(String type, Map<String, ?> fields) throws Exception {
    return awaitReply(send(type, fields));
  }

  public Map<String, Object> request(String type) throws Exception {
    return request(type, Map.of());
  }

  private Map<String, Object> awaitReply(Object id) throws InterruptedException {
    return await(
        m -> "reply".equals(m.get("type")) && id.equals(m.get("id")),
        replyTimeoutMillis,
        "reply " + id);
  }

  /** Waits for the first message, already received or still to come, that matches. */
  public Map<String, Object> await(Predicate<Map<String, Object>> match, long timeoutMillis)
      throws InterruptedException {
    return await(match, timeoutMillis, "matching message");
  }

  /** As {@link #await(Predicate, long)}; {@code what} names the message in the failure. */
  public Map<String, Object> await(
      Predicate<Map<String, Object>> match, long timeoutMillis, String what)
      throws InterruptedException {
    return inbox.await(match, timeoutMillis, what);
  }

  /** Waits up to 15 s for a call event in this state. */
  public Map<String, Object> awaitCall(String state) throws InterruptedException {
    return await(callEvent(state), CALL_EVENT_TIMEOUT_MILLIS, "call event " + state);
  }

  public Map<String, Object> awaitSoftphone(boolean available, long timeoutMillis)
      throws InterruptedException {
    return await(
        m ->
            "event".equals(m.get("type"))
                && "softphone".equals(m.get("event"))
                && Boolean.valueOf(available).equals(m.get("available")),
        timeoutMillis,
        "softphone event available=" + available);
  }

  public static Predicate<Map<String, Object>> callEvent(String state) {
    return m ->
        "event".equals(m.get("type"))
            && "call".equals(m.get("event"))
            && state.equals(m.get("state"));
  }

  /** Every message received so far, in arrival order. */
  public List<Map<String, Object>> transcript() {
    return inbox.transcript();
  }

  /** Forgets the messages no wait has taken (between rounds of a benchmark). */
  public void forgetUnmatched() {
    inbox.forgetUnmatched();
  }

  /** The messages received so far that no wait has taken, in order. */
  public List<Map<String, Object>> unmatched() {
    return inbox.unmatched();
  }

  /** Every byte the host wrote to standard output so far. */
  public byte[] rawStdout() {
    return stdout.copied();
  }

  /** Set when standard output held something that is not a whole, well-formed frame. */
  public String stdoutError() {
    return stdoutError;
  }

  public long pid() {
    return process.pid();
  }

  /** The processes the host started, and theirs. */
  public Stream<ProcessHandle> descendants() {
    return process.descendants();
  }

  /** Closes standard input, as a browser does when it closes the port. */
  public void closeInput() throws IOException {
    synchronized (stdin) {
      stdin.close();
    }
  }

  /** Waits for the exit status (and the rest of standard output), or returns null in time. */
  public Integer waitForExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      return null;
    }
    reader.join(2000);
    return process.exitValue();
  }

  /** Closes standard input and returns the exit status; fails unless the host exits in time. */
  public int closeInputAndWait(long timeoutMillis) throws Exception {
    closeInput();
    Integer status = waitForExit(timeoutMillis);
    if (status == null) {
      throw new AssertionError(
          "host did not exit within " + timeoutMillis + " ms after its input closed");
    }
    return status;
  }

  /**
   * Ends the host by its own pid, giving it 5 s to end what it started itself; whatever it started
   * that still runs after that is ended too.
   */
  @Override
  public void close() {
    List<ProcessHandle> started = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
