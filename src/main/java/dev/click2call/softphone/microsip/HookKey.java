package dev.click2call.softphone.microsip;

import java.util.Optional;

/** MicroSIP's {@code cmd*} hook keys and the event names the hook runner forwards. */
public enum HookKey {
  OUTGOING_CALL("cmdOutgoingCall", "outgoing-call"),
  INCOMING_CALL("cmdIncomingCall", "incoming-call"),
  CALL_RING("cmdCallRing", "call-ring"),
  CALL_ANSWER("cmdCallAnswer", "call-answer"),
  CALL_START("cmdCallStart", "call-start"),
  CALL_END("cmdCallEnd", "call-end"),
  CALL_BUSY("cmdCallBusy", "call-busy");

  private final String iniKey;
  private final String event;

  HookKey(String iniKey, String event) {
    this.iniKey = iniKey;
    this.event = event;
  }

  public String iniKey() {
    return iniKey;
  }

  public String event() {
    return event;
  }

  public static Optional<HookKey> byEvent(String event) {
    for (HookKey key : values()) {
      if (key.event.equals(event)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
