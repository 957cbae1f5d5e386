package dev.click2call.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The baseline of the start-up benchmark: the least a Java native-messaging host can do — read one
 * frame, answer with a fixed reply, repeat. No JSON library, no logging, no checks.
 */
public final class MinimalEchoHost {
  private MinimalEchoHost() {}

  public static void main(String[] args) throws IOException {
    DataInputStream in = new DataInputStream(System.in);
    OutputStream out = System.out;
    byte[] header = new byte[4];
    while (true) {
      try {
        in.readFully(header);
      } catch (java.io.EOFException e) {
        return;
      }
      int length = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt();
      in.readFully(new byte[length]);
      byte[] reply =
          "{\"type\":\"reply\",\"id\":\"1\",\"ok\":true,\"protocol\":1}"
              .getBytes(StandardCharsets.UTF_8);
      out.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(reply.length).array());
      out.write(reply);
      out.flush();
    }
  }
}
