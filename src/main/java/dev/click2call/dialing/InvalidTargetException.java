package dev.click2call.dialing;

/** A dial target failed validation; the message says why in words a user understands. */
public final class InvalidTargetException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidTargetException(String message) {
    super(message);
  }
}
