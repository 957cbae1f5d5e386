package dev.click2call.ipc;

import dev.click2call.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the running hosts for their state over their hook endpoints: the query is the line {@code
 * {"query":"state"}}, the answer one JSON object line (for MicroSIP: {@code {"call":null}} or the
 * current call). One-shot commands use it, because only a running host knows the call.
 */
public final class StateQuery {
  static final String QUERY_LINE = "{\"query\":\"state\"}";

  /** An answer is one short line; a longer one is not trusted. */
  static final int MAX_ANSWER_BYTES = 4096;

  private StateQuery() {}

  static boolean isQuery(String line) {
    return QUERY_LINE.equals(line);
  }

  /** Writes the answer line (non-blocking channel: loops until written or the deadline). */
  static void answer(SocketChannel client, Map<String, Object> state) throws IOException {
    byte[] json = Json.encode(state);
    ByteBuffer out = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (out.hasRemaining() && System.nanoTime() < deadline) {
      if (client.write(out) == 0) {
        Thread.onSpinWait();
      }
    }
  }

  /**
   * @return the answers of every host that answered within the timeout (each a JSON object)
   */
  public static List<Map<String, Object>> askAll(HookEndpoints endpoints, int timeoutMillis) {
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Path endpoint : endpoints.list()) {
      ask(endpoint, timeoutMillis).ifPresent(answers::add);
    }
    return answers;
  }

  @SuppressWarnings("unchecked")
  static java.util.Optional<Map<String, Object>> ask(Path endpoint, int timeoutMillis) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(endpoint));
      ByteBuffer query = ByteBuffer.wrap((QUERY_LINE + "\n").getBytes(StandardCharsets.UTF_8));
      while (query.hasRemaining()) {
        channel.write(query);
      }
      String line = readLine(channel, timeoutMillis);
      if (line == null) {
        return java.util.Optional.empty();
      }
      Object value = Json.decode(line.getBytes(StandardCharsets.UTF_8));
      return value instanceof Map<?, ?> map
          ? java.util.Optional.of((Map<String, Object>) map)
          : java.util.Optional.empty();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty(); // a stale endpoint or an old host without queries
    }
  }

  private static String readLine(SocketChannel channel, int timeoutMillis) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_ANSWER_BYTES + 1);
    channel.configureBlocking(false);
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_READ);
      while (buffer.hasRemaining() && System.nanoTime() < deadline) {
        selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        selector.selectedKeys().clear();
        int read = channel.read(buffer);
        if (read < 0) {
          break;
        }
        for (int i = 0; i < buffer.position(); i++) {
          if (buffer.get(i) == '\n') {
            return new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
          }
        }
      }
    }
    return null; // no complete line in time, or too long
  }
}
