package dev.click2call.softphone;

/**
 * The softphone's SIP registration with its registrar, as it last reported it.
 *
 * @param reason the softphone's own text (untrusted network text, already cleaned), or null
 * @param at epoch milliseconds
 */
public record Registration(State state, String reason, long at) {
  /** The registration states of the protocol's {@code softphone.registration.state}. */
  public enum State {
    REGISTERED,
    FAILED,
    UNREGISTERED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
