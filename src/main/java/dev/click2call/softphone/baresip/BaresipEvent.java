package dev.click2call.softphone.baresip;

import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.Registration;
import java.util.Map;

/**
 * One baresip event (the same JSON over the private session or ctrl_tcp), reduced to what the
 * adapter uses. Text from baresip describes the remote party and the network, so it is treated as
 * untrusted: control characters are removed and lengths are capped.
 *
 * @param type e.g. {@code CALL_INCOMING}
 * @param callId the SIP Call-ID, or null
 * @param direction null when baresip does not say
 * @param peer the remote party's URI, or null
 * @param param the event's parameter (for CALL_CLOSED and REGISTER_*: the reason, e.g. {@code 403
 *     Forbidden}), or null
 */
record BaresipEvent(
    String type, String callId, CallDirection direction, String peer, String param) {
  static final int MAX_REMOTE = 256;
  static final int MAX_REASON = 128;
  static final int MAX_ID = 128;

  static BaresipEvent from(Map<String, Object> message) {
    Object direction = message.get("direction");
    return new BaresipEvent(
        clean(message.get("type"), 64),
        clean(message.get("id"), MAX_ID),
        "incoming".equals(direction)
            ? CallDirection.IN
            : "outgoing".equals(direction) ? CallDirection.OUT : null,
        clean(message.get("peeruri"), MAX_REMOTE),
        clean(message.get("param"), MAX_REASON));
  }

  /** The call state an event of this type announces, or null when it announces none. */
  CallState callState() {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "CALL_INCOMING" -> CallState.INCOMING;
      case "CALL_RINGING", "CALL_PROGRESS" -> CallState.RINGING;
      case "CALL_ESTABLISHED" -> CallState.CONNECTED;
      case "CALL_CLOSED" -> closedState(param);
      default -> null;
    };
  }

  /** The registration an event of this type announces, or null when it is no registration event. */
  Registration registration(long at) {
    if (type == null) {
      return null;
    }
    Registration.State state =
        switch (type) {
          case "REGISTER_OK" -> Registration.State.REGISTERED;
          case "REGISTER_FAIL" -> Registration.State.FAILED;
          case "UNREGISTERING" -> Registration.State.UNREGISTERED;
          default -> null;
        };
    return state == null ? null : new Registration(state, param, at);
  }

  /** A call the far end refused as busy ends in {@code busy}; every other end is {@code ended}. */
  static CallState closedState(String reason) {
    if (reason != null && (reason.startsWith("486") || reason.startsWith("600"))) {
      return CallState.BUSY;
    }
    return CallState.ENDED;
  }

  /** Removes control characters and caps the length; null stays null. */
  static String clean(Object value, int max) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
        out.append(c);
      }
    }
    String result = out.toString().strip();
    return result.isEmpty() ? null : result;
  }
}
