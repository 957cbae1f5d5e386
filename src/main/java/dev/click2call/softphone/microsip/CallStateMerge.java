package dev.click2call.softphone.microsip;

import dev.click2call.ipc.HookMessage;
import dev.click2call.platform.SoftphoneWindows;
import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.CallTable;
import dev.click2call.softphone.SoftphoneListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * MicroSIP's call state from its two sources, merged under one lock so their events reach the
 * listener in order: the hooks (primary) and the looks at its windows (secondary, Windows only).
 */
final class CallStateMerge {
  /** An incoming call MicroSIP rejected on its own (DND, busy) never reports an end. */
  static final long STALE_INCOMING_MILLIS = 90_000;

  /** How long the window source leaves the hooks to report a change before it fills the gap. */
  static final long HOOK_GRACE_MILLIS = 3_000;

  /** An ended hook this soon after an ended the windows reported is the same end. */
  static final long OBSERVED_END_WINDOW_MILLIS = 10_000;

  private final CallTable calls = new CallTable();
  private final BooleanSupplier installed;
  private volatile SoftphoneListener listener = SoftphoneListener.NONE;

  private final Object merge = new Object();
  private boolean reportedAvailable;
  private SoftphoneWindows lastWindows;
  private long popupSince = -1;
  private long lastEndAt = Long.MIN_VALUE;
  private long observedEndAt = Long.MIN_VALUE;
  private boolean stateFromWindows;

  /**
   * @param installed whether MicroSIP's executable is there to be started
   */
  CallStateMerge(BooleanSupplier installed) {
    this.installed = installed;
    this.reportedAvailable = installed.getAsBoolean();
  }

  void setListener(SoftphoneListener listener) {
    this.listener = listener;
  }

  /** Installed and startable, or running now (as far as its windows show). */
  boolean available() {
    synchronized (merge) {
      return lastWindows != null && lastWindows.running() || installed.getAsBoolean();
    }
  }

  /** What this host answers a state query with: its current call, or null. */
  Map<String, Object> stateAnswer() {
    Map<String, Object> answer = new LinkedHashMap<>();
    Optional<CallInfo> call = liveCall();
    if (call.isEmpty()) {
      answer.put("call", null);
    } else {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("state", call.get().state().wire());
      view.put("direction", call.get().direction() == null ? null : call.get().direction().wire());
      view.put("remote", call.get().remote());
      view.put("since", call.get().since());
      view.put("onHold", call.get().onHold());
      answer.put("call", view);
    }
    return answer;
  }

  /** Applies one hook event (the primary source) to the call table and reports it. */
  void onHook(HookMessage message) {
    synchronized (merge) {
      long now = System.currentTimeMillis();
      Optional<CallInfo> before = calls.current();
      Optional<CallEvent> event = HookEventMapper.toCallEvent(message, before, now);
      if (event.isEmpty()) {
        return;
      }
      CallEvent call = event.get();
      if (!call.state().isLive()) {
        lastEndAt = now;
        if (before.isEmpty() && now - observedEndAt < OBSERVED_END_WINDOW_MILLIS) {
          return; // the windows already reported this end (MicroSIP exited mid-call)
        }
      }
      if (stateFromWindows && before.isPresent() && before.get().state() == call.state()) {
        // The windows filled this gap first; the hook only completes what is known.
        calls.record(call.withHold(before.get().onHold()));
        stateFromWindows = false;
        return;
      }
      stateFromWindows = false;
      boolean waiting =
          call.state() == CallState.INCOMING
              && before.isPresent()
              && before.get().state() == CallState.CONNECTED;
      // A second incoming call during a connected one is reported but does not replace it.
      listener.onCall(waiting ? call : calls.record(call));
    }
  }

  /**
   * Applies one look at MicroSIP's windows (the secondary source, Windows only): availability, the
   * end of a call when MicroSIP's process is gone, hold from the status bar (no hook reports it),
   * and, only when the hooks stayed silent for {@link #HOOK_GRACE_MILLIS}, a connected call from
   * the status-bar timer or a ringing one from the popup.
   *
   * @param at when the look started
   */
  void onWindows(SoftphoneWindows windows, long at) {
    synchronized (merge) {
      boolean wasRunning = lastWindows != null && lastWindows.running();
      lastWindows = windows;
      boolean available = windows.running() || installed.getAsBoolean();
      if (available != reportedAvailable) {
        reportedAvailable = available;
        listener.onAvailability("microsip", available);
      }
      Optional<CallInfo> current = liveCall();
      if (!windows.running()) {
        popupSince = -1;
        if (wasRunning && current.isPresent()) {
          observedEndAt = at;
          lastEndAt = at;
          stateFromWindows = false;
          listener.onCall(
              calls.record(
                  new CallEvent(
                      CallState.ENDED,
                      current.get().direction(),
                      current.get().remote(),
                      current.get().callId(),
                      false,
                      "softphone_exited",
                      at)));
        }
        return;
      }
      boolean popup = windows.ringingPopups() > 0;
      popupSince = !popup ? -1 : popupSince < 0 ? at : popupSince;
      Optional<StatusBarText> timer = StatusBarText.parse(windows.statusText());
      if (timer.isPresent()) {
        long startedAt = at - timer.get().elapsedSeconds() * 1000;
        if (current.isPresent() && current.get().state() == CallState.CONNECTED) {
          if (current.get().onHold() != timer.get().onHold()) {
            listener.onCall(calls.record(eventFrom(current.get(), at, timer.get().onHold())));
          }
        } else if (at - startedAt >= HOOK_GRACE_MILLIS && startedAt > lastEndAt) {
          stateFromWindows = true;
          boolean held = timer.get().onHold();
          listener.onCall(
              calls.record(
                  current
                      .map(call -> eventFrom(call, startedAt, held))
                      .orElseGet(
                          () ->
                              new CallEvent(
                                  CallState.CONNECTED, null, null, null, held, null, startedAt))));
        }
      } else if (popup
          && current.isEmpty()
          && at - popupSince >= HOOK_GRACE_MILLIS
          && popupSince > lastEndAt) {
        stateFromWindows = true;
        listener.onCall(
            calls.record(CallEvent.of(CallState.RINGING, CallDirection.IN, null, popupSince)));
      }
    }
  }

  /** A connected event for the call as known, with this hold state. */
  private static CallEvent eventFrom(CallInfo call, long at, boolean onHold) {
    return new CallEvent(
        CallState.CONNECTED, call.direction(), call.remote(), call.callId(), onHold, null, at);
  }

  Optional<CallInfo> liveCall() {
    Optional<CallInfo> call = calls.current();
    if (call.isPresent()
        && call.get().state() == CallState.INCOMING
        && System.currentTimeMillis() - call.get().since() > STALE_INCOMING_MILLIS) {
      calls.clear();
      return Optional.empty();
    }
    return call;
  }
}
