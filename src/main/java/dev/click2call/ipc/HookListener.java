package dev.click2call.ipc;

import dev.click2call.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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
 *
 * <p>Connections are served concurrently by one selector thread: a connection that sends nothing
 * costs no thread and is closed at its deadline, and when too many are open the oldest is dropped,
 * so idle or slow clients never delay a real hook event.
 */
public final class HookListener implements AutoCloseable {
  /** A message is one short line; anything longer is dropped. */
  public static final int MAX_MESSAGE_BYTES = 512;

  /** How long a connection may take to deliver its line. */
  static final int READ_TIMEOUT_MILLIS = 1000;

  /** Open connections at most; a new one beyond this closes the oldest. */
  static final int MAX_OPEN_CONNECTIONS = 32;

  private static final Logger LOG = LoggerFactory.getLogger(HookListener.class);

  private final Path path;
  private final ServerSocketChannel server;
  private final Selector selector;
  private final Consumer<HookMessage> consumer;
  private final Supplier<Map<String, Object>> state;
  private final Deque<SelectionKey> open = new ArrayDeque<>();
  private volatile boolean closed;

  private HookListener(
      Path path,
      ServerSocketChannel server,
      Selector selector,
      Consumer<HookMessage> consumer,
      Supplier<Map<String, Object>> state) {
    this.path = path;
    this.server = server;
    this.selector = selector;
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
    server.configureBlocking(false);
    Selector selector = Selector.open();
    server.register(selector, SelectionKey.OP_ACCEPT);
    HookListener listener = new HookListener(path, server, selector, consumer, state);
    Thread thread = new Thread(listener::serveLoop, "hook-listener");
    thread.setDaemon(true);
    thread.start();
    return listener;
  }

  public Path path() {
    return path;
  }

  /** What one connection has sent so far, and until when it may send. */
  private static final class Pending {
    final ByteBuffer buffer = ByteBuffer.allocate(MAX_MESSAGE_BYTES + 1);
    final long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000L;
  }

  private void serveLoop() {
    try {
      serveUntilClosed();
    } finally {
      for (SelectionKey key : open) {
        finish(key);
      }
      open.clear();
      try {
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private void serveUntilClosed() {
    while (!closed) {
      try {
        selector.select(nextTimeoutMillis());
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            acceptAll();
          } else if (key.isReadable()) {
            read(key);
          }
        }
        closeExpired();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("hook endpoint: {}", e.getMessage());
        }
      } catch (RuntimeException e) {
        LOG.warn("hook event handling failed", e);
      }
    }
  }

  private long nextTimeoutMillis() {
    SelectionKey oldest = open.peekFirst();
    if (oldest == null) {
      return 0; // no deadline to wait for: block until a connection arrives
    }
    long left = ((Pending) oldest.attachment()).deadline - System.nanoTime();
    return Math.max(1, left / 1_000_000L + 1);
  }

  private void acceptAll() throws IOException {
    SocketChannel client;
    while ((client = server.accept()) != null) {
      client.configureBlocking(false);
      if (open.size() >= MAX_OPEN_CONNECTIONS) {
        SelectionKey oldest = open.pollFirst();
        LOG.warn("hook endpoint: too many open connections, dropping the oldest");
        finish(oldest);
      }
      open.addLast(client.register(selector, SelectionKey.OP_READ, new Pending()));
    }
  }

  private void read(SelectionKey key) {
    Pending pending = (Pending) key.attachment();
    SocketChannel client = (SocketChannel) key.channel();
    boolean complete;
    try {
      int read = client.read(pending.buffer);
      complete = read < 0 || containsNewline(pending.buffer) || !pending.buffer.hasRemaining();
    } catch (IOException e) {
      complete = true;
    }
    if (!complete) {
      return;
    }
    open.remove(key);
    try {
      handle(client, lineOf(pending.buffer));
    } finally {
      finish(key);
    }
  }

  private void handle(SocketChannel client, String line) {
    if (line == null || line.isEmpty()) {
      return;
    }
    if (StateQuery.isQuery(line)) {
      try {
        StateQuery.answer(client, state.get());
      } catch (IOException e) {
        LOG.debug("state query client went away: {}", e.getMessage());
      }
      return;
    }
    HookMessage message = parse(line);
    if (message != null) {
      consumer.accept(message);
    }
  }

  /** Connections past their deadline are closed unanswered (they are the oldest, in order). */
  private void closeExpired() {
    long now = System.nanoTime();
    while (!open.isEmpty() && ((Pending) open.peekFirst().attachment()).deadline - now <= 0) {
      finish(open.pollFirst());
    }
  }

  private static void finish(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** The line a connection sent, or null for anything oversized. */
  private static String lineOf(ByteBuffer buffer) {
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
    selector.wakeup(); // the serving thread sees closed and releases the rest
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot remove hook endpoint {}: {}", path, e.getMessage());
    }
  }
}
