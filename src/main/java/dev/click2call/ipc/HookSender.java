package dev.click2call.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sends one hook event to every running host; endpoints nobody listens on are removed. */
public final class HookSender {
  private final HookEndpoints endpoints;

  public HookSender(HookEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * @return how many hosts received the message
   */
  public int sendToAll(HookMessage message) {
    byte[] line = encode(message);
    int delivered = 0;
    for (Path endpoint : endpoints.list()) {
      if (send(endpoint, line)) {
        delivered++;
      }
    }
    return delivered;
  }

  /**
   * Encoded by hand: the hook runner must start fast, without a JSON library. The native hook
   * program (src/main/c/hook) writes exactly these bytes; its tests compare against this.
   */
  public static byte[] encode(HookMessage message) {
    return ("{\"event\":"
            + quote(message.event())
            + ",\"remote\":"
            + quote(message.remote())
            + "}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static boolean send(Path endpoint, byte[] line) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(endpoint));
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      return true;
    } catch (IOException e) {
      // Nobody listens: the host that made it is gone.
      try {
        Files.deleteIfExists(endpoint);
      } catch (IOException ignored) {
        // another sender may have removed it
      }
      return false;
    }
  }
}
