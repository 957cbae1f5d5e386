package dev.click2call.softphone;

/**
 * One change of call state as reported by a softphone.
 *
 * @param direction null when the softphone does not say
 * @param remote the remote party as the softphone reports it (untrusted text), or null
 * @param callId the softphone's own call identifier, or null when it has none
 * @param reason why the call ended (for ended/busy), or null
 * @param at epoch milliseconds
 */
public record CallEvent(
    CallState state,
    CallDirection direction,
    String remote,
    String callId,
    boolean onHold,
    String reason,
    long at) {

  public static CallEvent of(CallState state, CallDirection direction, String remote, long at) {
    return new CallEvent(state, direction, remote, null, false, null, at);
  }

  public CallEvent withReason(String newReason) {
    return new CallEvent(state, direction, remote, callId, onHold, newReason, at);
  }

  public CallEvent withCallId(String newCallId) {
    return new CallEvent(state, direction, remote, newCallId, onHold, reason, at);
  }

  public CallEvent withHold(boolean held) {
    return new CallEvent(state, direction, remote, callId, held, reason, at);
  }
}
