package dev.click2call.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The emulator's sockets ({@code window.sock} for its window, {@code control.sock} for the far
 * end): one JSON object per connection, answered by one line.
 */
final class LineSockets {
  /** Answers one message. */
  interface Handler {
    String handle(Map<String, Object> message) throws Exception;
  }

  private LineSockets() {}

  /** Sends one message and returns the reply line, or null when the socket closed without one. */
  static String exchange(Path socket, Map<String, Object> message) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Channels.newOutputStream(channel)
          .write((JSON.std.asString(message) + "\n").getBytes(StandardCharsets.UTF_8));
      return reader(channel).readLine();
    }
  }

  /** Binds the socket file and answers each connection on its own thread. */
  static ServerSocketChannel serve(Path socket, String name, Handler handler) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    daemon(name, () -> accept(server, handler));
    return server;
  }

  /** Each connection on its own thread: finding a window never waits for the UI thread. */
  private static void accept(ServerSocketChannel server, Handler handler) {
    while (server.isOpen()) {
      SocketChannel accepted;
      try {
        accepted = server.accept();
      } catch (IOException e) {
        return;
      }
      daemon("client", () -> answer(accepted, handler));
    }
  }

  private static void answer(SocketChannel accepted, Handler handler) {
    try (SocketChannel client = accepted) {
      String line = reader(client).readLine();
      String reply = "ok";
      if (line != null) {
        Object parsed = JSON.std.anyFrom(line);
        @SuppressWarnings("unchecked")
        Map<String, Object> message =
            parsed instanceof Map ? (Map<String, Object>) parsed : Map.of();
        reply = handler.handle(message);
      }
      Channels.newOutputStream(client).write((reply + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      // the sender gave up (timeout) or the window closed
    }
  }

  private static BufferedReader reader(SocketChannel channel) {
    return new BufferedReader(
        new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
