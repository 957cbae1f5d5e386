package dev.click2call.logging;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Takes standard output away from everything but the protocol writer. After {@link #install} a
 * stray {@code System.out} print (from our code or a library) lands in the log as a warning and
 * never corrupts the frame stream; standard input is likewise reserved for the frame reader.
 */
public final class StdoutGuard {
  /** Loaded on first stray write, so installing the guard never waits for logging to start. */
  private static final class Log {
    static final Logger LOG = LogSetup.logger(StdoutGuard.class);
  }

  private static final int MAX_LOGGED_LINE = 2000;

  private final OutputStream protocolOut;
  private final InputStream protocolIn;
  private final AtomicLong strayBytes = new AtomicLong();

  private StdoutGuard(OutputStream protocolOut, InputStream protocolIn) {
    this.protocolOut = protocolOut;
    this.protocolIn = protocolIn;
  }

  /** Replaces {@code System.out} and {@code System.in}; returns the guard holding the real ones. */
  public static StdoutGuard install() {
    return install(
        new FileOutputStream(FileDescriptor.out),
        // Buffered: FileInputStream.readNBytes seeks, which fails on the pipes browsers use.
        new java.io.BufferedInputStream(new java.io.FileInputStream(FileDescriptor.in)));
  }

  static StdoutGuard install(OutputStream realOut, InputStream realIn) {
    StdoutGuard guard = new StdoutGuard(realOut, realIn);
    System.setOut(new PrintStream(guard.new StrayOutput(), true, StandardCharsets.UTF_8));
    System.setIn(InputStream.nullInputStream());
    return guard;
  }

  /** The real standard output, for the frame writer only. */
  public OutputStream protocolOut() {
    return protocolOut;
  }

  /** The real standard input, for the frame reader only. */
  public InputStream protocolIn() {
    return protocolIn;
  }

  /** How many bytes something tried to print to standard output. */
  public long strayBytes() {
    return strayBytes.get();
  }

  /** Collects stray output line by line and logs it. */
  private final class StrayOutput extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      strayBytes.incrementAndGet();
      if (b == '\n') {
        flushLine();
      } else if (line.size() < MAX_LOGGED_LINE) {
        line.write(b);
      }
    }

    @Override
    public synchronized void flush() {
      flushLine();
    }

    private void flushLine() {
      if (line.size() > 0) {
        Log.LOG.warn(
            "blocked a write to standard output (it carries only protocol frames): {}",
            line.toString(StandardCharsets.UTF_8));
        line.reset();
      }
    }
  }
}
