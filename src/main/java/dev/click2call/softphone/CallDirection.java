package dev.click2call.softphone;

/** Who started a call. */
public enum CallDirection {
  IN("in"),
  OUT("out");

  private final String wire;

  CallDirection(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
