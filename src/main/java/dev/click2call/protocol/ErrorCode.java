package dev.click2call.protocol;

/**
 * Error codes of the protocol. Append-only: a code, once published, keeps its name and meaning (see
 * docs/PROTOCOL.md).
 */
public enum ErrorCode {
  BAD_REQUEST("bad_request"),
  UNKNOWN_TYPE("unknown_type"),
  INVALID_TARGET("invalid_target"),
  SOFTPHONE_UNAVAILABLE("softphone_unavailable"),
  BUSY("busy"),
  FORBIDDEN("forbidden"),
  INTERNAL("internal"),
  UNSUPPORTED("unsupported"),
  NO_CALL("no_call"),
  /** A SIP target on a host other than the account's server; re-send with confirmation. */
  FOREIGN_HOST("foreign_host");

  private final String wire;

  ErrorCode(String wire) {
    this.wire = wire;
  }

  /** The code as it appears in {@code error.code}. */
  public String wire() {
    return wire;
  }
}
