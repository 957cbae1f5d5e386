package dev.click2call.softphone;

/** Call states of the protocol's {@code call} event. */
public enum CallState {
  DIALING,
  INCOMING,
  RINGING,
  CONNECTED,
  ENDED,
  BUSY;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether a call in this state still exists (it has not ended). */
  public boolean isLive() {
    return this != ENDED && this != BUSY;
  }
}
