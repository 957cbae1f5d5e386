package dev.click2call.install.doctor;

/**
 * One line of the doctor's report.
 *
 * @param fix what to do about a problem (null for OK and INFO lines)
 * @param fixable whether {@code doctor --fix} can repair it by re-registering the host
 */
public record Finding(Status status, String message, String fix, boolean fixable) {
  /** How a finding counts: only FAIL makes doctor exit non-zero. */
  public enum Status {
    OK,
    INFO,
    WARN,
    FAIL
  }

  public static Finding ok(String message) {
    return new Finding(Status.OK, message, null, false);
  }

  public static Finding info(String message) {
    return new Finding(Status.INFO, message, null, false);
  }

  public static Finding warn(String message, String fix) {
    return new Finding(Status.WARN, message, fix, false);
  }

  public static Finding fail(String message, String fix) {
    return new Finding(Status.FAIL, message, fix, false);
  }

  /** A problem {@code doctor --fix} repairs by running {@code install} again. */
  public static Finding fixableFail(String message, String fix) {
    return new Finding(Status.FAIL, message, fix, true);
  }
}
