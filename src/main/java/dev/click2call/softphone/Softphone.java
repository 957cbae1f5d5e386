package dev.click2call.softphone;

import dev.click2call.dialing.DialTarget;
import java.util.Optional;
import java.util.Set;

/**
 * A desktop softphone the host drives. Implementations (MicroSIP, baresip, test doubles) know their
 * own control surface and nothing of the browser protocol.
 */
public interface Softphone extends AutoCloseable {
  /** A short name such as {@code microsip}; appears as {@code softphone.kind}. */
  String kind();

  /** Whether the softphone is installed and can be reached or started now. */
  boolean available();

  /** The operations this softphone supports. */
  Set<Operation> capabilities();

  /**
   * Places a call to an already validated target.
   *
   * @return exactly the string handed to the softphone
   */
  String dial(DialTarget target) throws SoftphoneException;

  /**
   * Like {@link #dial(DialTarget)}; {@code foreignHostConfirmed} says the user confirmed a target
   * that was refused with {@link SoftphoneException.Reason#FOREIGN_HOST}.
   */
  default String dial(DialTarget target, boolean foreignHostConfirmed) throws SoftphoneException {
    return dial(target);
  }

  void answer() throws SoftphoneException;

  void hangup() throws SoftphoneException;

  default void decline() throws SoftphoneException {
    throw SoftphoneException.unsupported(kind(), Operation.DECLINE);
  }

  default void hold() throws SoftphoneException {
    throw SoftphoneException.unsupported(kind(), Operation.HOLD);
  }

  /**
   * @return exactly the string handed to the softphone
   */
  default String transfer(DialTarget target) throws SoftphoneException {
    throw SoftphoneException.unsupported(kind(), Operation.TRANSFER);
  }

  /**
   * @param digits already validated: 0-9, *, #
   */
  default void dtmf(String digits) throws SoftphoneException {
    throw SoftphoneException.unsupported(kind(), Operation.DTMF);
  }

  /** The call the softphone has now, if any. */
  Optional<CallInfo> currentCall();

  /**
   * The SIP registration as the softphone last reported it; empty when unknown or when the
   * softphone does not report one.
   */
  default Optional<Registration> registration() {
    return Optional.empty();
  }

  /**
   * Whether a clicked phone number can be dialed now and, if not, what the user must do. The
   * default says only whether the softphone is reachable; adapters that need more (baresip: a SIP
   * domain for numbers) override it. Must be cheap: {@code hello} and {@code status} call it.
   */
  default Readiness readiness() {
    return available() ? Readiness.READY : Readiness.unavailable(kind());
  }

  /**
   * Begins the adapter's background work: an owned process, connections, listeners. The host calls
   * it once, after its first reply (a handshake never waits for a softphone) and after {@link
   * #setListener}. A request that needs the softphone earlier starts what it needs (baresip: its
   * supervisor; one-shot commands such as {@code click2call dial} rely on that) or goes on without
   * the background work (MicroSIP: no hook events). Does nothing after {@link #close}.
   */
  default void start() {}

  /** Where call, availability and registration changes go; replaces any earlier listener. */
  void setListener(SoftphoneListener listener);

  /** Releases what the adapter holds (connections, owned processes). Never throws. */
  @Override
  void close();
}
