package dev.click2call.softphone.baresip;

import dev.click2call.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to baresip's ctrl_tcp (attach mode only: ctrl_tcp has no authentication, so any
 * local program can use the same port). Responses are matched to commands by token and events are
 * passed on as they come, so an event that arrives before the response of the command that caused
 * it (baresip does this) is handled in order.
 */
final class CtrlClient implements ControlChannel {
  private static final Logger LOG = LoggerFactory.getLogger(CtrlClient.class);

  private final Socket socket;
  private final OutputStream out;
  private final Listener listener;
  private final PendingCommands pending = new PendingCommands();
  private volatile boolean closed;

  private CtrlClient(Socket socket, Listener listener) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.listener = listener;
  }

  /** Connects once; throws if nothing listens. */
  static CtrlClient connect(InetSocketAddress address, int timeoutMillis, Listener listener)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, timeoutMillis);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    CtrlClient client = new CtrlClient(socket, listener);
    Thread reader = new Thread(client::readLoop, "baresip-ctrl-reader");
    reader.setDaemon(true);
    reader.start();
    return client;
  }

  @Override
  public Response command(String command, String params, String accountAor, long timeoutMillis)
      throws IOException {
    return pending.send(
        command,
        params,
        accountAor,
        timeoutMillis,
        (token, json) -> {
          byte[] frame = Netstrings.encode(json);
          synchronized (out) {
            out.write(frame);
            out.flush();
          }
        });
  }

  @Override
  public boolean reportsFailures() {
    return true;
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  private void readLoop() {
    String why = "baresip closed the control connection";
    try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
      byte[] payload;
      while ((payload = Netstrings.read(in)) != null) {
        dispatch(payload);
      }
    } catch (IOException e) {
      why = closed ? "closed" : "control connection failed: " + e.getMessage();
    }
    closed = true;
    IOException gone = new IOException("baresip control connection closed");
    pending.failAll(gone);
    closeQuietly();
    listener.onDisconnected(this, why);
  }

  private void dispatch(byte[] payload) {
    Map<String, Object> message;
    try {
      message = Json.decodeObject(payload);
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring a control message that is not JSON: {}", e.getMessage());
      return;
    }
    if (Boolean.TRUE.equals(message.get("event"))) {
      try {
        listener.onEvent(message);
      } catch (RuntimeException e) {
        LOG.error("handling baresip event {} failed", message.get("type"), e);
      }
    } else if (Boolean.TRUE.equals(message.get("response"))) {
      pending.complete(String.valueOf(message.get("token")), message);
    }
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing the control socket: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly();
  }
}
