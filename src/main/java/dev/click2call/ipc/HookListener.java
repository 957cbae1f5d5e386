package dev.click2call.ipc;

import dev.click2call.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's endpoint for hook events: accepts one tiny JSON line per connection ({@code
 * {"event":"call-start","remote":"123"}}) and hands well-formed ones to the consumer. A state query
 * ({@code {"query":"state"}}) is answered on the same connection with one JSON line from the state
 * supplier (for example the host's current call), so one-shot commands can ask.
 */
public final class HookListener implements AutoCloseable {
  /** A message is one short line; anything longer is dropped. */
  public static final int MAX_MESSAGE_BYTES = 512;

  private static final Logger LOG = LoggerFactory.getLogger(HookListener.class);
  private static final int READ_TIMEOUT_MILLIS = 1000;

  private final Path path;
  private final ServerSocketChannel server;
  private final Consumer<HookMessage> consumer;
  private final Supplier<Map<String, Object>> state;
  private volatile boolean closed;

  private HookListener(
      Path path,
      ServerSocketChannel server,
      Consumer<HookMessage> consumer,
      Supplier<Map<String, Object>> state) {
    this.path = path;
    this.server = server;
    this.consumer = consumer;
    this.state = state;
  }

  /** Binds this process's endpoint and starts accepting on a daemon thread. */
  public static HookListener start(HookEndpoints endpoints, Consumer<HookMessage> consumer)
      throws IOException {
    return start(endpoints, consumer, Map::of);
  }

  /**
   * @param state what a state query is answered with (kept small: one line under {@link
   *     #MAX_MESSAGE_BYTES} is not required, but it should be short)
   */
  public static HookListener start(
      HookEndpoints endpoints, Consumer<HookMessage> consumer, Supplier<Map<String, Object>> state)
      throws IOException {
    endpoints.prepare();
    Path path = endpoints.endpointFor(ProcessHandle.current().pid());
    if (path.toString().getBytes(StandardCharsets.UTF_8).length
        > HookEndpoints.MAX_SOCKET_PATH_BYTES) {
      throw new IOException(
          "the hook endpoint path is longer than "
              + HookEndpoints.MAX_SOCKET_PATH_BYTES
              + " bytes: "
              + path
              + " (set CLICK2CALL_RUNTIME_DIR to a shorter folder)");
    }
    Files.deleteIfExists(path); // a leftover of a process that had our pid
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    HookListener listener = new HookListener(path, server, consumer, state);
    Thread thread = new Thread(listener::acceptLoop, "hook-listener");
    thread.setDaemon(true);
    thread.start();
    return listener;
  }

  public Path path() {
    return path;
  }

  private void acceptLoop() {
    while (!closed) {
      try (SocketChannel client = server.accept()) {
        String line = readLine(client);
        if (line == null) {
          continue;
        }
        if (StateQuery.isQuery(line)) {
          StateQuery.answer(client, state.get());
          continue;
        }
        HookMessage message = parse(line);
        if (message != null) {
          consumer.accept(message);
        }
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("hook endpoint: {}", e.getMessage());
        }
      } catch (RuntimeException e) {
        LOG.warn("hook event handling failed", e);
      }
    }
  }

  /** Reads one line with a deadline; returns null for anything oversized. */
  static String readLine(SocketChannel client) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_MESSAGE_BYTES + 1);
    client.configureBlocking(false);
    long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000L;
    java.nio.channels.Selector selector = java.nio.channels.Selector.open();
    try (selector) {
      client.register(selector, java.nio.channels.SelectionKey.OP_READ);
      while (buffer.hasRemaining() && System.nanoTime() < deadline) {
        selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        selector.selectedKeys().clear();
        int read = client.read(buffer);
        if (read < 0 || containsNewline(buffer)) {
          break;
        }
      }
    }
    if (buffer.position() > MAX_MESSAGE_BYTES) {
      LOG.warn("dropped an oversized hook message");
      return null;
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  private static boolean containsNewline(ByteBuffer buffer) {
    for (int i = 0; i < buffer.position(); i++) {
      if (buffer.get(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  /** A message from its JSON line, or null when it is not exactly a well-formed message. */
  static HookMessage parse(String line) {
    try {
      Object value = Json.decode(line.getBytes(StandardCharsets.UTF_8));
      if (!(value instanceof Map<?, ?> map)
          || !(map.get("event") instanceof String event)
          || !HookMessage.isEventName(event)) {
        LOG.warn("dropped a malformed hook message");
        return null;
      }
      Object remote = map.get("remote");
      return new HookMessage(event, remote instanceof String text ? text : "");
    } catch (RuntimeException e) {
      LOG.warn("dropped a hook message that is not JSON");
      return null;
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot remove hook endpoint {}: {}", path, e.getMessage());
    }
  }
}
