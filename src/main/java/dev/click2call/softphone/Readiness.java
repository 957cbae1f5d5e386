package dev.click2call.softphone;

/**
 * Whether the softphone can dial what a user clicks (a phone number) right now, and if not, why and
 * what to do. The extension shows it instead of a bare "available".
 *
 * @param code a stable word clients branch on: {@code ready}, {@code unavailable}, {@code
 *     no_softphone}, {@code needs_domain}, {@code not_registered}
 * @param message English text for the user that says what to do; null when ready
 */
public record Readiness(boolean ready, String code, String message) {
  public static final Readiness READY = new Readiness(true, "ready", null);

  /** Not ready for a reason the user can fix; {@code message} says how. */
  public static Readiness notReady(String code, String message) {
    return new Readiness(false, code, message);
  }

  /** The softphone cannot be reached or started. */
  public static Readiness unavailable(String kind) {
    return notReady(
        "unavailable",
        kind
            + " is not running and could not be started; start it, or run 'click2call doctor'"
            + " to find out why");
  }
}
