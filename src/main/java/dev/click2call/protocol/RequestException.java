package dev.click2call.protocol;

/** A request that cannot be served; becomes an {@code ok:false} reply with this code. */
public final class RequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public RequestException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
