package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.util.Map;

/**
 * A command-and-event connection to one baresip: the private MQTT session of a baresip the host
 * started ({@link MqttSession}), or ctrl_tcp of a baresip the user runs ({@link CtrlClient}).
 */
interface ControlChannel extends AutoCloseable {
  /** What a channel reports, on its reader thread. */
  interface Listener {
    void onEvent(Map<String, Object> event);

    void onDisconnected(ControlChannel channel, String why);
  }

  /** A command's response: baresip's {@code ok} and its {@code data} text. */
  record Response(boolean ok, String data) {}

  /**
   * Sends a command and waits for its response.
   *
   * @param accountAor the account (user agent) to run it on, or null for baresip's current one
   */
  Response command(String command, String params, String accountAor, long timeoutMillis)
      throws IOException;

  default Response command(String command, String params, long timeoutMillis) throws IOException {
    return command(command, params, null, timeoutMillis);
  }

  /**
   * Whether a failing command answers {@code ok:false}. ctrl_tcp does; baresip 1.0's mqtt module
   * answers {@code ok:true} whatever happened.
   */
  boolean reportsFailures();

  boolean isOpen();

  @Override
  void close();
}
