package dev.click2call.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The read loop of host mode: frames in, requests dispatched, until the browser closes. */
public final class NativeHost {
  /** Exit status when the browser closed the port. */
  public static final int EXIT_OK = 0;

  /** Exit status when the input stream can no longer be trusted. */
  public static final int EXIT_CORRUPT_STREAM = 3;

  /** Loaded on first use, so serving never waits for logging to start. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(NativeHost.class);
  }

  private static final long DRAIN_MILLIS = 500;

  private final FrameReader reader;
  private final Dispatcher dispatcher;

  public NativeHost(InputStream in, Dispatcher dispatcher) {
    this.reader = new FrameReader(in);
    this.dispatcher = dispatcher;
  }

  /** Serves until end of input; returns the process exit status. */
  public int run() {
    try {
      byte[] frame;
      while ((frame = reader.next()) != null) {
        dispatcher.accept(frame);
      }
      if (reader.endedMidFrame()) {
        Log.LOG.warn("input ended inside a frame; treating it as the browser closing the port");
      }
      Log.LOG.info("input closed; exiting");
      return EXIT_OK;
    } catch (FrameTooLargeException e) {
      Log.LOG.error("{}; the stream cannot be trusted, exiting", e.getMessage());
      return EXIT_CORRUPT_STREAM;
    } catch (IOException e) {
      Log.LOG.warn("reading standard input failed: {}; exiting", e.getMessage());
      return EXIT_OK;
    } finally {
      dispatcher.drain(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
