package dev.click2call.softphone.baresip;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another local user's program (run as {@code nobody} through {@link #asNobody}): what it can do
 * with the host's loopback ports. Prints what it received; exit 0 when it connected.
 */
public final class LocalAttacker {
  private LocalAttacker() {}

  /** The command line that runs this class as user nobody (the tests run as root). */
  static List<String> asNobody(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid",
                "nobody",
                "--regid",
                "nogroup",
                "--clear-groups",
                java,
                "-cp",
                Path.of("target/test-classes").toAbsolutePath().toString(),
                LocalAttacker.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs the attacker as nobody and returns its exit status and output. */
  static Map.Entry<Integer, String> run(long timeoutMillis, String... args) throws Exception {
    Process process = new ProcessBuilder(asNobody(args)).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return Map.entry(process.isAlive() ? -1 : process.exitValue(), out);
  }

  static Process start(String... args) throws Exception {
    return new ProcessBuilder(asNobody(args)).redirectErrorStream(true).start();
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    switch (mode) {
      case "ctrl-dial" -> send(Integer.parseInt(args[1]), ctrlCommands(args[2]));
      case "mqtt-dial" -> send(Integer.parseInt(args[1]), mqttCommands(args[2]));
      case "http" -> send(Integer.parseInt(args[1]), browserRequest(Integer.parseInt(args[1])));
      case "listen-ctrl" -> listen(Integer.parseInt(args[1]), Path.of(args[2]));
      default -> throw new IllegalArgumentException(mode);
    }
  }

  private static void send(int port, byte[] payload) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      System.out.println("connected to " + port);
      OutputStream out = socket.getOutputStream();
      out.write(payload);
      out.flush();
      socket.setSoTimeout(1500);
      System.out.println("received: " + readSome(socket.getInputStream()));
    } catch (java.net.ConnectException e) {
      System.out.println("refused: " + port);
      System.exit(2);
    }
  }

  private static String readSome(InputStream in) throws Exception {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        got.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived is enough
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  static byte[] netstring(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((body.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    out.write(',');
    return out.toByteArray();
  }

  private static byte[] ctrlCommands(String uri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(netstring("{\"command\":\"dial\",\"params\":\"" + uri + "\",\"token\":\"a1\"}"));
    out.writeBytes(netstring("{\"command\":\"listcalls\",\"token\":\"a2\"}"));
    return out.toByteArray();
  }

  private static byte[] mqttCommands(String uri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // CONNECT, MQTT 3.1.1, user "click2call" with a guessed password
    out.writeBytes(
        packet(
            0x10,
            concat(
                str("MQTT"),
                new byte[] {4, (byte) 0xC2, 0, 60},
                str("attacker"),
                str("click2call"),
                str("guess"))));
    out.writeBytes(packet(0x82, concat(new byte[] {0, 1}, str("/click2call/#"), new byte[] {0})));
    String dial = "{\"command\":\"dial\",\"params\":\"" + uri + "\",\"token\":\"x\"}";
    out.writeBytes(
        packet(0x30, concat(str("/click2call/command/x"), dial.getBytes(StandardCharsets.UTF_8))));
    return out.toByteArray();
  }

  private static byte[] browserRequest(int port) {
    String body = "{\"command\":\"quit\"}";
    return ("POST / HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nOrigin: https://evil.example\r\nContent-Type: text/plain;charset=UTF-8\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\nConnection: keep-alive\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Listens first on a port and plays a baresip that announces a fake incoming call. */
  private static void listen(int port, Path record) throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      System.out.println("listening on " + port);
      System.out.flush();
      server.setSoTimeout(20_000);
      try (Socket victim = server.accept()) {
        OutputStream out = victim.getOutputStream();
        out.write(
            netstring(
                "{\"event\":true,\"type\":\"CALL_INCOMING\",\"class\":\"call\",\"direction\":"
                    + "\"incoming\",\"peeruri\":\"sip:it-helpdesk@corp.example\",\"id\":\"fake1\","
                    + "\"param\":\"sip:it-helpdesk@corp.example\"}"));
        out.flush();
        Files.writeString(record, "connection\n");
        victim.setSoTimeout(5000);
        Files.writeString(
            record, readSome(victim.getInputStream()), java.nio.file.StandardOpenOption.APPEND);
      } catch (SocketTimeoutException e) {
        System.out.println("nobody connected");
      }
    }
  }

  private static byte[] str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return concat(new byte[] {(byte) (b.length >> 8), (byte) b.length}, b);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] packet(int first, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    int length = body.length;
    do {
      int digit = length & 0x7f;
      length >>>= 7;
      out.write(length > 0 ? digit | 0x80 : digit);
    } while (length > 0);
    out.writeBytes(body);
    return out.toByteArray();
  }
}
