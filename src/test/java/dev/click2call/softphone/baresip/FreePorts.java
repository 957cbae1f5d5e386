package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds runs of ports free for both TCP and UDP on loopback, so tests run beside anything. */
final class FreePorts {
  private FreePorts() {}

  /** The first port of {@code count} consecutive ports, all free now. */
  static int block(int count) {
    for (int attempt = 0; attempt < 200; attempt++) {
      // Below Linux's ephemeral range (32768–60999): a port there may be handed to any program's
      // outgoing connection between this check and baresip binding it. Above baresip's default
      // RTP range (20000–20100).
      int base = ThreadLocalRandom.current().nextInt(21_000, 32_000 - count);
      boolean free = true;
      for (int port = base; port < base + count && free; port++) {
        free = isFree(port);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no block of " + count + " free ports found");
  }

  static boolean isFree(int port) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket tcp = new ServerSocket()) {
      tcp.setReuseAddress(false);
      tcp.bind(new InetSocketAddress(loopback, port));
    } catch (IOException e) {
      return false;
    }
    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
      return udp.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
