package dev.click2call.softphone.baresip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Netstring framing ({@code <decimal length>:<bytes>,}) as baresip's ctrl_tcp speaks it. */
final class Netstrings {
  /** Longer frames mean the peer is not baresip (its replies are a few kilobytes at most). */
  static final int MAX_LENGTH = 1 << 20;

  private static final int MAX_DIGITS = 7;

  private Netstrings() {}

  static byte[] encode(byte[] payload) {
    byte[] prefix = (payload.length + ":").getBytes(StandardCharsets.US_ASCII);
    byte[] frame = new byte[prefix.length + payload.length + 1];
    System.arraycopy(prefix, 0, frame, 0, prefix.length);
    System.arraycopy(payload, 0, frame, prefix.length, payload.length);
    frame[frame.length - 1] = ',';
    return frame;
  }

  static void write(OutputStream out, byte[] payload) throws IOException {
    out.write(encode(payload));
    out.flush();
  }

  /**
   * Reads one netstring.
   *
   * @return the payload, or null at a clean end of stream (between frames)
   * @throws IOException when the stream ends inside a frame or is not netstring-framed
   */
  static byte[] read(InputStream in) throws IOException {
    int length = 0;
    int digits = 0;
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (digits == 0) {
          return null;
        }
        throw new EOFException("stream ended inside a netstring length");
      }
      if (c == ':') {
        break;
      }
      if (c < '0' || c > '9' || ++digits > MAX_DIGITS) {
        throw new IOException("not a netstring: unexpected byte " + c + " in the length");
      }
      length = length * 10 + (c - '0');
    }
    if (digits == 0 || length > MAX_LENGTH) {
      throw new IOException("not a netstring: bad length");
    }
    byte[] payload = in.readNBytes(length);
    if (payload.length < length) {
      throw new EOFException("stream ended inside a netstring");
    }
    if (in.read() != ',') {
      throw new IOException("not a netstring: missing ',' after " + length + " bytes");
    }
    return payload;
  }
}
