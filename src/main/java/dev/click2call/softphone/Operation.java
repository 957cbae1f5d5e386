package dev.click2call.softphone;

/** Call-control operations a softphone may support; named as the protocol's request types. */
public enum Operation {
  DIAL,
  ANSWER,
  DECLINE,
  HANGUP,
  HOLD,
  TRANSFER,
  DTMF;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
