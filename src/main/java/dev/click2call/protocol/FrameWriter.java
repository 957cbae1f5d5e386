package dev.click2call.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The single writer that owns the host's standard output. Replies and events from any thread go
 * through {@link #write}, which emits header and payload as one unit.
 */
public final class FrameWriter {
  private final OutputStream out;

  public FrameWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Writes one frame and flushes it.
   *
   * @throws IllegalArgumentException if the payload is larger than the browser accepts
   */
  public synchronized void write(byte[] payload) throws IOException {
    if (payload.length > Frames.MAX_FRAME_BYTES) {
      throw new IllegalArgumentException(
          "outgoing frame of " + payload.length + " bytes exceeds " + Frames.MAX_FRAME_BYTES);
    }
    byte[] frame = new byte[Frames.HEADER_BYTES + payload.length];
    System.arraycopy(Frames.header(payload.length), 0, frame, 0, Frames.HEADER_BYTES);
    System.arraycopy(payload, 0, frame, Frames.HEADER_BYTES, payload.length);
    out.write(frame);
    out.flush();
  }
}
