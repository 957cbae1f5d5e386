package dev.click2call.softphone;

/**
 * The current call as {@code status} reports it.
 *
 * @param since epoch milliseconds of the state's start
 */
public record CallInfo(
    CallState state,
    CallDirection direction,
    String remote,
    String callId,
    boolean onHold,
    long since) {}
