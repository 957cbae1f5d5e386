package dev.click2call.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/** The read loop of host mode: frames in, requests dispatched, until the browser closes. */
public final class NativeHost {
  /** Exit status when the browser closed the port. */
  public static final int EXIT_OK = 0;

  /** Exit status when the input stream can no longer be trusted. */
  public static final int EXIT_CORRUPT_STREAM = 3;

  private static final long DRAIN_MILLIS = 500;

  /**
   * How serving ended: the exit status, and what to log about it. The caller logs it, once its
   * logging (which starts in the background) is surely ready.
   */
  public record Outcome(int exitCode, boolean problem, String message) {}

  private final FrameReader reader;
  private final Dispatcher dispatcher;

  public NativeHost(InputStream in, Dispatcher dispatcher) {
    this.reader = new FrameReader(in);
    this.dispatcher = dispatcher;
  }

  /** Serves until end of input. */
  public Outcome run() {
    try {
      byte[] frame;
      while ((frame = reader.next()) != null) {
        dispatcher.accept(frame);
      }
      return reader.endedMidFrame()
          ? new Outcome(
              EXIT_OK, true, "input ended inside a frame; treated as the browser closing the port")
          : new Outcome(EXIT_OK, false, "input closed; exiting");
    } catch (FrameTooLargeException e) {
      return new Outcome(
          EXIT_CORRUPT_STREAM, true, e.getMessage() + "; the stream cannot be trusted, exiting");
    } catch (IOException e) {
      return new Outcome(EXIT_OK, true, "reading standard input failed: " + e.getMessage());
    } finally {
      dispatcher.drain(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
