package dev.click2call.softphone.baresip;

import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.CallTable;
import dev.click2call.softphone.Registration;
import dev.click2call.softphone.SoftphoneException;
import dev.click2call.softphone.SoftphoneException.Reason;
import dev.click2call.softphone.SoftphoneListener;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's own view of the one current call and of the registration, built from baresip's
 * events, because baresip answers {@code ok} to {@code hangup} or {@code accept} even when there is
 * no call. Reports every change to the listener.
 */
final class CallTracker {
  private static final Logger LOG = LoggerFactory.getLogger(CallTracker.class);

  /** The one call this adapter tracks. Guarded by the tracker. */
  static final class Call {
    String id;
    final CallDirection direction;
    String remote;
    CallState state;
    boolean onHold;
    String postDialDigits;
    boolean answering; // the user answered this incoming call

    Call(String id, CallDirection direction, String remote, CallState state) {
      this.id = id;
      this.direction = direction;
      this.remote = remote;
      this.state = state;
    }
  }

  private final CallTable table = new CallTable();
  private final Consumer<String> postDial;
  private final UnaryOperator<String> explain;
  private volatile SoftphoneListener listener = SoftphoneListener.NONE;
  private Call current;
  private Registration registration;
  private long outgoingEvents;
  // Why the host itself is ending the current call, overriding baresip's "reset by user".
  private String hostReason;

  /**
   * @param postDial sends the extension digits once an outgoing call is connected
   * @param explain turns baresip's reason for an ended call into one a person understands
   */
  CallTracker(Consumer<String> postDial, UnaryOperator<String> explain) {
    this.postDial = postDial;
    this.explain = explain;
  }

  void setListener(SoftphoneListener newListener) {
    listener = newListener == null ? SoftphoneListener.NONE : newListener;
  }

  SoftphoneListener listener() {
    return listener;
  }

  Optional<CallInfo> currentCall() {
    return table.current();
  }

  /** Starts tracking an outgoing call and reports {@code dialing}; busy while a call exists. */
  synchronized Call dialing(String uri, String extension) throws SoftphoneException {
    if (current != null) {
      throw new SoftphoneException(
          Reason.BUSY, "a call is in progress; hang it up before dialing again");
    }
    current = new Call(null, CallDirection.OUT, uri, CallState.DIALING);
    current.postDialDigits = extension;
    emit(current, null);
    return current;
  }

  /** How many events of outgoing calls arrived so far: a dial baresip took produces one at once. */
  synchronized long outgoingEvents() {
    return outgoingEvents;
  }

  synchronized void endIfCurrent(Call call, String reason) {
    if (current == call) {
      current = null;
      call.state = CallState.ENDED;
      emit(call, reason);
    }
  }

  /**
   * Marks the current call (unless it is an incoming call still ringing) to be ended by the host
   * for this reason; true when the caller should now hang it up.
   */
  synchronized boolean endingBecause(String reason) {
    if (current == null
        || (current.state == CallState.INCOMING && !current.answering)
        || hostReason != null) {
      return false;
    }
    hostReason = reason;
    return true;
  }

  synchronized boolean hasCall() {
    return current != null;
  }

  synchronized Call require(CallState state, String otherwise) throws SoftphoneException {
    if (current == null || current.state != state) {
      throw new SoftphoneException(Reason.NO_CALL, otherwise);
    }
    return current;
  }

  synchronized void answering(Call call) {
    call.answering = true;
  }

  synchronized boolean onHold(Call call) {
    return call.onHold;
  }

  /** Records a hold toggle that baresip accepted, if the call is still the connected one. */
  synchronized void held(Call call, boolean held) {
    if (current == call && call.state == CallState.CONNECTED) {
      call.onHold = held;
      emit(call, null);
    }
  }

  synchronized Optional<Registration> registration() {
    return Optional.ofNullable(registration);
  }

  void onEvent(Map<String, Object> message, boolean available) {
    BaresipEvent event = BaresipEvent.from(message);
    String type = event.type() == null ? "" : event.type();
    Registration registered = event.registration(System.currentTimeMillis());
    if (registered != null) {
      LOG.info("registration: {} {}", type, event.param());
      reportRegistration(registered, false, available);
      return;
    }
    String digits;
    synchronized (this) {
      if (event.direction() == CallDirection.OUT) {
        outgoingEvents++;
      }
      CallState state = event.callState();
      if (state == null) {
        LOG.debug("baresip event {}", type);
        return;
      }
      digits = track(event, state, type);
    }
    if (digits != null) {
      postDial.accept(digits);
    }
  }

  /** Applies a call event; returns extension digits to send now, if any. */
  private String track(BaresipEvent event, CallState state, String type) {
    if (state == CallState.INCOMING) {
      if (current != null) {
        LOG.info("ignoring a second incoming call while one is in progress");
        return null;
      }
      current = new Call(event.callId(), CallDirection.IN, event.peer(), state);
      emit(current, null);
      return null;
    }
    if (current == null) {
      if (state.isLive()) {
        // A call placed in baresip itself (when attached to a running baresip).
        current = new Call(event.callId(), event.direction(), event.peer(), state);
        emit(current, null);
      }
      return null;
    }
    if (!matches(current, event)) {
      LOG.debug("event {} for another call", type);
      return null;
    }
    if (current.id == null) {
      current.id = event.callId();
    }
    if (event.peer() != null) {
      current.remote = event.peer();
    }
    if (!state.isLive()) {
      Call ended = current;
      current = null;
      ended.state = state;
      String reason = hostReason != null ? hostReason : explain.apply(event.param());
      hostReason = null;
      LOG.info("call ended: {}", reason);
      emit(ended, reason);
      return null;
    }
    if (state == current.state
        || (state == CallState.RINGING && current.state == CallState.CONNECTED)) {
      return null;
    }
    current.state = state;
    emit(current, null);
    if (state == CallState.CONNECTED) {
      String digits = current.postDialDigits;
      current.postDialDigits = null;
      return digits;
    }
    return null;
  }

  private static boolean matches(Call call, BaresipEvent event) {
    if (call.id != null) {
      return call.id.equals(event.callId());
    }
    return event.direction() == null || event.direction() == call.direction;
  }

  /**
   * Records a registration and reports the one now known, if any, once baresip is reachable.
   *
   * @param onlyIfUnknown true for a state read back from baresip: an event is newer and wins
   */
  void reportRegistration(Registration changed, boolean onlyIfUnknown, boolean available) {
    Registration known;
    synchronized (this) {
      if (!onlyIfUnknown || registration == null) {
        registration = changed;
      }
      known = registration;
    }
    if (known == null || !available) {
      // Before the connection is announced, the read-back reports it after the availability.
      return;
    }
    try {
      listener.onRegistration(BaresipSoftphone.KIND, true, known);
    } catch (RuntimeException e) {
      LOG.error("the registration listener failed", e);
    }
  }

  /** The control channel is gone: the call (if any) ended with it; the registration is unknown. */
  synchronized void channelLost(String reason) {
    registration = null;
    hostReason = null;
    if (current != null) {
      Call ended = current;
      current = null;
      ended.state = CallState.ENDED;
      emit(ended, reason);
    }
  }

  /** Records and reports the call's current state. Called with the tracker's lock held. */
  private void emit(Call call, String reason) {
    CallEvent event =
        new CallEvent(
            call.state,
            call.direction,
            call.remote,
            call.id,
            call.onHold,
            reason,
            System.currentTimeMillis());
    table.record(event);
    try {
      listener.onCall(event);
    } catch (RuntimeException e) {
      LOG.error("the call listener failed", e);
    }
  }
}
