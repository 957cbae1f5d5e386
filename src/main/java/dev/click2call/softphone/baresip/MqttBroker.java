package dev.click2call.softphone.baresip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's private control endpoint for the baresip it starts: a minimal MQTT broker on a
 * loopback port the host binds itself (so nobody else can take it), which admits exactly one client
 * per start — the one whose CONNECT carries the random secret written into that start's private
 * configuration (folder 0700, file 0600). Anyone else (another local user, a web page's {@code
 * fetch()}) is refused before a byte reaches baresip, and cannot disturb the session.
 */
final class MqttBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);
  static final String USER = "click2call";
  static final String BASE_TOPIC = "click2call";

  /** A client must send its CONNECT this fast. */
  private static final int CONNECT_DEADLINE_MILLIS = 2000;

  /** Connections being checked at once; more are closed at once. */
  private static final int MAX_PENDING = 8;

  /** What one start of baresip must present, and the session it becomes. */
  static final class Expected {
    final byte[] password;
    final ControlChannel.Listener listener;
    final CompletableFuture<MqttSession> session = new CompletableFuture<>();
    boolean claimed; // guarded by the broker: one admitted connection per start

    private Expected(byte[] password, ControlChannel.Listener listener) {
      this.password = password;
      this.listener = listener;
    }

    /** The secret for baresip's {@code mqtt_broker_password}. */
    String password() {
      return new String(password, StandardCharsets.US_ASCII);
    }

    /** The session once baresip connected with the secret and subscribed to its commands. */
    MqttSession await(long timeoutMillis) throws IOException {
      return PendingCommands.await(
          session, timeoutMillis, "baresip did not connect to its control session in time");
    }
  }

  private final ServerSocket server;
  private final SecureRandom random = new SecureRandom();
  private final Semaphore pendingChecks = new Semaphore(MAX_PENDING);
  private volatile Expected expected;
  private volatile boolean closed;

  private MqttBroker(ServerSocket server) {
    this.server = server;
  }

  /** Binds a free loopback port and starts accepting. */
  static MqttBroker open() throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    MqttBroker broker = new MqttBroker(server);
    Thread acceptor = new Thread(broker::acceptLoop, "baresip-mqtt-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return broker;
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * A new secret for the next start of baresip; any earlier secret stops being accepted, so only
   * the process started with this one can connect.
   */
  Expected expect(ControlChannel.Listener listener) {
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    Expected next =
        new Expected(
            HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII), listener);
    Expected old = expected;
    expected = next;
    if (old != null) {
      old.session.completeExceptionally(new IOException("superseded by a new start"));
    }
    return next;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("the control endpoint stopped accepting: {}", e.getMessage());
        }
        return;
      }
      if (!pendingChecks.tryAcquire()) {
        closeQuietly(socket);
        continue;
      }
      Thread check =
          new Thread(
              () -> {
                try {
                  admit(socket);
                } finally {
                  pendingChecks.release();
                }
              },
              "baresip-mqtt-admit");
      check.setDaemon(true);
      check.start();
    }
  }

  /** Admits the connection as baresip's session, or closes it. */
  private void admit(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(CONNECT_DEADLINE_MILLIS);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      MqttPackets.Packet first = MqttPackets.read(in);
      if (first == null || first.type() != MqttPackets.CONNECT) {
        throw new IOException("the first packet is not an MQTT CONNECT");
      }
      MqttPackets.Connect connect = MqttPackets.parseConnect(first.body());
      Expected want = expected;
      boolean admitted;
      synchronized (this) {
        admitted =
            want != null
                && !want.claimed
                && USER.equals(connect.user())
                && MqttPackets.same(want.password, connect.password());
        if (admitted) {
          want.claimed = true;
        }
      }
      if (!admitted) {
        socket.getOutputStream().write(MqttPackets.connack(5)); // not authorised
        throw new IOException("a client without this start's secret");
      }
      socket.setSoTimeout(0);
      MqttSession session = new MqttSession(socket, in, BASE_TOPIC, want.listener);
      socket.getOutputStream().write(MqttPackets.connack(0));
      session.startReading();
      session
          .subscribed()
          .whenComplete(
              (ready, failure) -> {
                if (failure != null) {
                  want.session.completeExceptionally(failure);
                } else if (!want.session.complete(ready)) {
                  ready.close(); // superseded meanwhile
                }
              });
    } catch (IOException | RuntimeException e) {
      LOG.info(
          "refused a control connection from {}: {}",
          socket.getRemoteSocketAddress(),
          e.getMessage());
      closeQuietly(socket);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    closed = true;
    Expected last = expected;
    if (last != null) {
      last.session.completeExceptionally(new IOException("closed"));
    }
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("closing the control endpoint: {}", e.getMessage());
    }
  }
}
