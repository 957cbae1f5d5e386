package dev.click2call.protocol;

import java.io.IOException;

/** A declared frame length above the limit: the stream can no longer be trusted. */
public final class FrameTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long declaredLength;

  public FrameTooLargeException(long declaredLength) {
    super(
        "declared frame length "
            + declaredLength
            + " exceeds the limit of "
            + Frames.MAX_FRAME_BYTES
            + " bytes");
    this.declaredLength = declaredLength;
  }

  public long declaredLength() {
    return declaredLength;
  }
}
