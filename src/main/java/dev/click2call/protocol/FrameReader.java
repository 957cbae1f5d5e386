package dev.click2call.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads native-messaging frames: a 32-bit unsigned length in native byte order, then that many
 * bytes. The declared length is checked before anything is allocated for it.
 */
public final class FrameReader {
  private final InputStream in;

  public FrameReader(InputStream in) {
    this.in = in;
  }

  /**
   * Returns the next frame's payload, or {@code null} when the input ended. An input that ends in
   * the middle of a frame also counts as ended: the browser closed the port and nothing more can be
   * answered.
   *
   * @throws FrameTooLargeException when the declared length exceeds {@link Frames#MAX_FRAME_BYTES}
   */
  public byte[] next() throws IOException {
    byte[] header = in.readNBytes(Frames.HEADER_BYTES);
    if (header.length < Frames.HEADER_BYTES) {
      lastEndWasTruncated = header.length > 0;
      return null;
    }
    long length =
        Integer.toUnsignedLong(ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt());
    if (length > Frames.MAX_FRAME_BYTES) {
      throw new FrameTooLargeException(length);
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length < length) {
      lastEndWasTruncated = true;
      return null;
    }
    return payload;
  }

  private boolean lastEndWasTruncated;

  /** Whether the input ended inside a frame (worth a log line; still a normal end). */
  public boolean endedMidFrame() {
    return lastEndWasTruncated;
  }
}
