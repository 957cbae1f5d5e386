package dev.click2call.softphone.baresip;

import dev.click2call.testing.HostProcess;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test; run by hand, figures go to docs/BARESIP.md). A UDP socket plays the far
 * end of outgoing calls and stamps, on one clock:
 *
 * <ol>
 *   <li>dial frame written to the host's stdin → INVITE received by the far end;
 *   <li>far end sends 180 → {@code ringing} frame read from the host's stdout;
 *   <li>far end sends 486 → {@code busy} frame read from the host's stdout.
 * </ol>
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:<deps>
 * dev.click2call.softphone.baresip.BaresipLatencyBenchmark [calls]}
 */
public final class BaresipLatencyBenchmark {
  private BaresipLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path dir = Files.createTempDirectory("c2c-bench");
    List<Double> invite = new ArrayList<>();
    List<Double> ringing = new ArrayList<>();
    List<Double> busy = new ArrayList<>();
    try (LoopbackRig rig = new LoopbackRig(dir);
        DatagramSocket farEnd = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      HostProcess host = rig.startReadyHost();
      farEnd.setSoTimeout(5000);
      String uri = "sip:bob@127.0.0.1:" + farEnd.getLocalPort();
      byte[] buffer = new byte[8192];
      for (int i = 0; i < calls; i++) {
        host.forgetUnmatched();
        long sent = System.nanoTime();
        host.send("dial", Map.of("target", uri));
        DatagramPacket packet;
        String request;
        do {
          packet = new DatagramPacket(buffer, buffer.length);
          farEnd.receive(packet);
          request = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
        } while (!request.startsWith("INVITE "));
        long inviteAt = System.nanoTime();
        SocketAddress baresip = packet.getSocketAddress();
        long ringSent = System.nanoTime();
        farEnd.send(response(request, "180 Ringing", baresip));
        host.awaitCall("ringing");
        long ringSeen = System.nanoTime();
        long busySent = System.nanoTime();
        farEnd.send(response(request, "486 Busy Here", baresip));
        host.awaitCall("busy");
        long busySeen = System.nanoTime();
        if (i > 0) { // the first call warms up the JVM
          invite.add((inviteAt - sent) / 1e6);
          ringing.add((ringSeen - ringSent) / 1e6);
          busy.add((busySeen - busySent) / 1e6);
        }
        drain(farEnd, buffer);
      }
    }
    report("dial frame written -> INVITE at the far end", invite);
    report("far end sends 180 -> ringing frame on host stdout", ringing);
    report("far end sends 486 -> busy frame on host stdout", busy);
  }

  /** A response to the INVITE, echoing the headers a UAC matches on. */
  private static DatagramPacket response(String invite, String status, SocketAddress to) {
    StringBuilder out = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
    for (String line : invite.split("\r\n")) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("via:")
          || lower.startsWith("from:")
          || lower.startsWith("call-id:")
          || lower.startsWith("cseq:")) {
        out.append(line).append("\r\n");
      } else if (lower.startsWith("to:")) {
        out.append(line).append(";tag=bench1\r\n");
      }
    }
    out.append("Content-Length: 0\r\n\r\n");
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    return new DatagramPacket(bytes, bytes.length, to);
  }

  private static void drain(DatagramSocket socket, byte[] buffer) throws Exception {
    socket.setSoTimeout(100);
    try {
      while (true) {
        socket.receive(new DatagramPacket(buffer, buffer.length));
      }
    } catch (SocketTimeoutException e) {
      socket.setSoTimeout(5000);
    }
  }

  private static void report(String what, List<Double> millis) {
    Collections.sort(millis);
    System.out.printf(
        "%s: n=%d median=%.2f ms p90=%.2f ms max=%.2f ms%n",
        what,
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get((int) (millis.size() * 0.9)),
        millis.get(millis.size() - 1));
  }
}
