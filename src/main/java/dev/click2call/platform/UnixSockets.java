package dev.click2call.platform;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;

/**
 * Whether this system has Unix-domain sockets ({@code AF_UNIX}): Windows before 10 1803 and some
 * Server/RDS builds do not, and Java then throws {@code UnsupportedOperationException}.
 */
public final class UnixSockets {
  private UnixSockets() {}

  public static boolean supported() {
    try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      return probe.isOpen();
    } catch (UnsupportedOperationException e) {
      return false;
    } catch (IOException e) {
      return true; // it exists; this probe failed for another reason
    }
  }
}
