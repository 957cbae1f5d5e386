package dev.click2call.softphone;

/** A softphone could not do what was asked; the reason maps to a protocol error code. */
public final class SoftphoneException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the operation failed. */
  public enum Reason {
    /** Not installed, not running and could not be started, or not reachable. */
    UNAVAILABLE,
    /** The softphone would ignore the request, e.g. a dial during a call in single-call mode. */
    BUSY,
    /** This softphone cannot do this operation. */
    UNSUPPORTED,
    /** There is no call to act on. */
    NO_CALL,
    /** The target is not acceptable to this softphone. */
    INVALID_TARGET,
    /**
     * The target is on a host other than the SIP account's server, which could obtain the account's
     * password digest; the user must confirm it.
     */
    FOREIGN_HOST,
    /** Anything else. */
    FAILED
  }

  private final Reason reason;

  public SoftphoneException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SoftphoneException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static SoftphoneException unsupported(String kind, Operation operation) {
    return new SoftphoneException(
        Reason.UNSUPPORTED, kind + " cannot " + operation.wire() + " from outside");
  }
}
