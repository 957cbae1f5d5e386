package dev.click2call.platform;

/**
 * What {@code SendMessageTimeoutW} said: delivered with the receiver's full result ({@code
 * LRESULT}, pointer-sized), or why not, from {@code GetLastError}.
 *
 * @param status the outcome
 * @param result the receiver's result when delivered, else 0
 * @param error the Win32 error code when not delivered, else 0
 */
public record SendResult(Status status, long result, int error) {
  /** The outcomes a sender must tell apart. */
  public enum Status {
    DELIVERED,
    /** The receiver did not answer in time (or is hung); the message may still run later. */
    TIMED_OUT,
    /** UIPI: the receiver runs at a higher integrity level (elevated) and refused the message. */
    ACCESS_DENIED,
    /** The window no longer exists. */
    GONE,
    FAILED
  }

  static final int ERROR_ACCESS_DENIED = 5;
  static final int ERROR_INVALID_WINDOW_HANDLE = 1400;
  static final int ERROR_TIMEOUT = 1460;

  public static SendResult delivered(long result) {
    return new SendResult(Status.DELIVERED, result, 0);
  }

  /** A zero return of {@code SendMessageTimeoutW}, classified by its last error. */
  public static SendResult failed(int lastError) {
    Status status =
        switch (lastError) {
          case ERROR_TIMEOUT, 0 -> Status.TIMED_OUT; // SMTO_ABORTIFHUNG may leave 0
          case ERROR_ACCESS_DENIED -> Status.ACCESS_DENIED;
          case ERROR_INVALID_WINDOW_HANDLE -> Status.GONE;
          default -> Status.FAILED;
        };
    return new SendResult(status, 0, lastError);
  }

  public static final SendResult NO_WINDOWS = new SendResult(Status.GONE, 0, 0);

  public boolean delivered() {
    return status == Status.DELIVERED;
  }
}
