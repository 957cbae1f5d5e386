package dev.click2call.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Constants and the header encoding shared by the frame reader and writer. */
public final class Frames {
  /** Both directions: browsers close the port on larger host frames; we refuse larger input. */
  public static final int MAX_FRAME_BYTES = 1024 * 1024;

  public static final int HEADER_BYTES = 4;

  private Frames() {}

  /** The 4-byte length header in native byte order (little-endian on every supported CPU). */
  public static byte[] header(int length) {
    return ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.nativeOrder()).putInt(length).array();
  }
}
