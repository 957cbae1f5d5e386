package dev.click2call.softphone;

import java.util.Optional;

/**
 * Keeps the current call from the events a softphone reports, for adapters whose softphone cannot
 * be asked (MicroSIP has no status query). Thread-safe.
 */
public final class CallTable {
  private CallInfo current;

  /** Records an event and returns it; an ended or busy call leaves the table empty. */
  public synchronized CallEvent record(CallEvent event) {
    if (!event.state().isLive()) {
      current = null;
      return event;
    }
    long since = current != null && current.state() == event.state() ? current.since() : event.at();
    current =
        new CallInfo(
            event.state(),
            event.direction() != null
                ? event.direction()
                : current != null ? current.direction() : null,
            event.remote() != null ? event.remote() : current != null ? current.remote() : null,
            event.callId() != null ? event.callId() : current != null ? current.callId() : null,
            event.onHold(),
            since);
    return event;
  }

  public synchronized Optional<CallInfo> current() {
    return Optional.ofNullable(current);
  }

  public synchronized void clear() {
    current = null;
  }
}
