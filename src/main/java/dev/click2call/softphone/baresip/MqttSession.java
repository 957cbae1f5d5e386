package dev.click2call.softphone.baresip;

import dev.click2call.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated MQTT session of the baresip the host started: baresip publishes its events on
 * {@code /<base>/event} and command responses on {@code /<base>/command_resp/<token>}, and takes
 * commands from {@code /<base>/command/<token>}. Only {@link MqttBroker} creates it, after the
 * CONNECT carried this start's secret.
 */
final class MqttSession implements ControlChannel {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String base;
  private final Listener listener;
  private final PendingCommands pending = new PendingCommands();
  private final CompletableFuture<MqttSession> subscribed = new CompletableFuture<>();
  private volatile boolean closed;

  MqttSession(Socket socket, InputStream in, String base, Listener listener) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.base = base;
    this.listener = listener;
  }

  /** Completes once baresip subscribed to its command topic, i.e. can take commands. */
  CompletableFuture<MqttSession> subscribed() {
    return subscribed;
  }

  void startReading() {
    Thread reader = new Thread(this::readLoop, "baresip-mqtt-reader");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public Response command(String command, String params, String accountAor, long timeoutMillis)
      throws IOException {
    return pending.send(
        command,
        params,
        accountAor,
        timeoutMillis,
        (token, json) -> write(MqttPackets.publish("/" + base + "/command/" + token, json)));
  }

  @Override
  public boolean reportsFailures() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  private void write(byte[] packet) throws IOException {
    synchronized (out) {
      out.write(packet);
      out.flush();
    }
  }

  private void readLoop() {
    String why = "baresip closed its control session";
    try (InputStream input = new BufferedInputStream(in)) {
      MqttPackets.Packet packet;
      while ((packet = MqttPackets.read(input)) != null) {
        if (!handle(packet)) {
          break;
        }
      }
    } catch (IOException e) {
      why = closed ? "closed" : "control session failed: " + e.getMessage();
    }
    closed = true;
    IOException gone = new IOException("baresip control session closed");
    pending.failAll(gone);
    subscribed.completeExceptionally(gone);
    closeQuietly();
    listener.onDisconnected(this, why);
  }

  /** Handles one packet; false ends the session. */
  private boolean handle(MqttPackets.Packet packet) throws IOException {
    switch (packet.type()) {
      case MqttPackets.SUBSCRIBE -> {
        int[] sub = MqttPackets.parseSubscribe(packet.body());
        write(MqttPackets.suback(sub[0], sub[1]));
        subscribed.complete(this);
      }
      case MqttPackets.UNSUBSCRIBE -> {
        int id = ((packet.body()[0] & 0xff) << 8) | (packet.body()[1] & 0xff);
        write(MqttPackets.ack(MqttPackets.UNSUBACK, id));
      }
      case MqttPackets.PUBLISH -> {
        MqttPackets.Publish publish = MqttPackets.parsePublish(packet);
        if (publish.qos() == 1) {
          write(MqttPackets.ack(MqttPackets.PUBACK, publish.packetId()));
        }
        dispatch(publish);
      }
      case MqttPackets.PINGREQ -> write(MqttPackets.encode(MqttPackets.PINGRESP, 0, new byte[0]));
      case MqttPackets.DISCONNECT -> {
        return false;
      }
      default -> LOG.debug("ignoring MQTT packet type {}", packet.type());
    }
    return true;
  }

  private void dispatch(MqttPackets.Publish publish) {
    Map<String, Object> message;
    try {
      message = Json.decodeObject(publish.payload());
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring a control message that is not JSON: {}", e.getMessage());
      return;
    }
    String responses = "/" + base + "/command_resp/";
    if (publish.topic().equals("/" + base + "/event")) {
      try {
        listener.onEvent(message);
      } catch (RuntimeException e) {
        LOG.error("handling baresip event {} failed", message.get("type"), e);
      }
    } else if (publish.topic().startsWith(responses)) {
      pending.complete(publish.topic().substring(responses.length()), message);
    } else {
      LOG.debug("ignoring a message on {}", publish.topic());
    }
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing the control session: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly();
  }
}
