package dev.click2call.softphone.microsip;

import dev.click2call.ipc.HookMessage;
import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import java.util.Optional;

/** Turns a MicroSIP hook (as forwarded by the hook runner) into a call event, if it is one. */
final class HookEventMapper {
  private HookEventMapper() {}

  /**
   * @param current the call the host knows now, for the direction of start/end hooks
   */
  static Optional<CallEvent> toCallEvent(
      HookMessage message, Optional<CallInfo> current, long now) {
    Optional<HookKey> key = HookKey.byEvent(message.event());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String remote = message.remote().isEmpty() ? null : message.remote();
    CallDirection known = current.map(CallInfo::direction).orElse(null);
    return switch (key.get()) {
      case OUTGOING_CALL ->
          Optional.of(CallEvent.of(CallState.DIALING, CallDirection.OUT, remote, now));
      case INCOMING_CALL ->
          Optional.of(CallEvent.of(CallState.INCOMING, CallDirection.IN, remote, now));
      case CALL_RING -> Optional.of(CallEvent.of(CallState.RINGING, CallDirection.IN, remote, now));
      // cmdCallStart follows at once and reports the connection for both directions.
      case CALL_ANSWER -> Optional.empty();
      case CALL_START -> Optional.of(CallEvent.of(CallState.CONNECTED, known, remote, now));
      case CALL_END -> Optional.of(CallEvent.of(CallState.ENDED, known, remote, now));
      case CALL_BUSY ->
          Optional.of(CallEvent.of(CallState.BUSY, known, remote, now).withReason("busy"));
    };
  }
}
