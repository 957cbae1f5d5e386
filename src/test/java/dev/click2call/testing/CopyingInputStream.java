package dev.click2call.testing;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through and keeps a copy of every byte read, for a test to inspect later. */
final class CopyingInputStream extends FilterInputStream {
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  CopyingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      synchronized (copy) {
        copy.write(b);
      }
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      synchronized (copy) {
        copy.write(buffer, offset, n);
      }
    }
    return n;
  }

  /** Every byte read so far. */
  byte[] copied() {
    synchronized (copy) {
      return copy.toByteArray();
    }
  }
}
