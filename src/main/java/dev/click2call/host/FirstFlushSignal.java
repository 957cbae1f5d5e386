package dev.click2call.host;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The protocol output, which opens a latch once the first frame has been flushed: work that is not
 * needed for the first reply (starting the logging backend) waits for it instead of competing with
 * it for the CPU.
 */
final class FirstFlushSignal extends OutputStream {
  private final OutputStream out;
  private final CountDownLatch flushed;

  FirstFlushSignal(OutputStream out, CountDownLatch flushed) {
    this.out = out;
    this.flushed = flushed;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    flushed.countDown();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
