package dev.click2call.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Native-messaging framing as the browser side does it: a 4-byte length in native byte order, then
 * that many bytes of UTF-8 JSON. Written apart from the product's frame reader, writer and codec,
 * so the host is checked against an independent implementation rather than against itself.
 */
final class BrowserFrames {
  private BrowserFrames() {}

  static void write(OutputStream out, Map<String, ?> message) throws IOException {
    byte[] payload = JSON.std.asBytes(message);
    out.write(header(payload.length));
    out.write(payload);
    out.flush();
  }

  private static byte[] header(int length) {
    return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(length).array();
  }

  /**
   * The next message, or null when the stream ends between frames.
   *
   * @throws EOFException when the stream ends inside a frame
   */
  static Map<String, Object> read(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    byte[] header = new byte[4];
    header[0] = (byte) first;
    DataInputStream data = new DataInputStream(in);
    data.readFully(header, 1, 3);
    int length = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt();
    byte[] payload = new byte[length];
    data.readFully(payload);
    return JSON.std.mapFrom(payload);
  }
}
