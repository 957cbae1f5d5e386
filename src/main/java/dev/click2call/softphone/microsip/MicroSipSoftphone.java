package dev.click2call.softphone.microsip;

import dev.click2call.dialing.DialTarget;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.ipc.HookMessage;
import dev.click2call.ipc.StateQuery;
import dev.click2call.platform.SoftphoneWindowWatcher;
import dev.click2call.platform.SoftphoneWindows;
import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.CallTable;
import dev.click2call.softphone.Operation;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import dev.click2call.softphone.SoftphoneException.Reason;
import dev.click2call.softphone.SoftphoneListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MicroSIP behind the softphone interface. Commands go through {@link MicroSipControl}; call state
 * comes only from MicroSIP's hooks (forwarded by {@code click2call hook} to this host's endpoint),
 * kept in a {@link CallTable} because MicroSIP cannot be asked.
 */
public final class MicroSipSoftphone implements Softphone {
  /** An incoming call MicroSIP rejected on its own (DND, busy) never reports an end. */
  static final long STALE_INCOMING_MILLIS = 90_000;

  /** How long the window source leaves the hooks to report a change before it fills the gap. */
  static final long HOOK_GRACE_MILLIS = 3_000;

  /** Window polling period: the status-bar timer changes once a second. */
  static final long POLL_MILLIS = 1_000;

  /** An ended hook this soon after an ended the windows reported is the same end. */
  static final long OBSERVED_END_WINDOW_MILLIS = 10_000;

  /** How long a one-shot command waits for each running host to answer a state query. */
  static final int QUERY_TIMEOUT_MILLIS = 1_000;

  /** The ringing popup's caption (IDD_RINGIN, English). */
  static final String INCOMING_TITLE = "Incoming Call";

  private static final Logger LOG = LoggerFactory.getLogger(MicroSipSoftphone.class);

  private final MicroSipControl control;
  private final HookEndpoints endpoints;
  private final CallTable calls = new CallTable();
  private final boolean singleMode;
  private final boolean hooksInstalled;
  private final Optional<SoftphoneWindowWatcher> watcher;
  private volatile SoftphoneListener listener = SoftphoneListener.NONE;
  private HookListener hookListener;
  private ScheduledExecutorService observer;
  private boolean closed;

  // Both sources are merged under this lock, so their events reach the listener in order.
  private final Object merge = new Object();
  private boolean reportedAvailable;
  private SoftphoneWindows lastWindows;
  private long popupSince = -1;
  private long lastEndAt = Long.MIN_VALUE;
  private long observedEndAt = Long.MIN_VALUE;
  private boolean stateFromWindows;

  public MicroSipSoftphone(MicroSipControl control, HookEndpoints endpoints) {
    this(control, endpoints, control.windowWatcher());
  }

  MicroSipSoftphone(
      MicroSipControl control, HookEndpoints endpoints, Optional<SoftphoneWindowWatcher> watcher) {
    this.control = control;
    this.endpoints = endpoints;
    this.watcher = watcher;
    MicroSipIni ini = readIni(control.install().ini());
    this.singleMode =
        ini == null
            || !"0"
                .equals(
                    ini.get("Settings", "singleMode").map(HookValues::profileValue).orElse("1"));
    this.hooksInstalled = ini != null && HookInstaller.allInstalled(ini);
    this.reportedAvailable = installed();
    if (!hooksInstalled) {
      LOG.warn(
          "MicroSIP hooks are not installed in {}: no call events (run: click2call microsip hooks"
              + " install)",
          control.install().ini());
    }
  }

  private static MicroSipIni readIni(Path ini) {
    if (ini == null || !Files.isRegularFile(ini)) {
      return null;
    }
    try {
      return MicroSipIni.load(ini);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read MicroSIP's ini {}: {}", ini, e.getMessage());
      return null;
    }
  }

  @Override
  public String kind() {
    return "microsip";
  }

  /** Installed and startable, or running now (as far as its windows show). */
  @Override
  public boolean available() {
    synchronized (merge) {
      return lastWindows != null && lastWindows.running() || installed();
    }
  }

  /** Whether the executable is there to be started. */
  private boolean installed() {
    MicroSipInstall install = control.install();
    return install.command().size() > 1
        || !install.exe().contains("/") && !install.exe().contains("\\")
        || Files.isRegularFile(Path.of(install.exe()));
  }

  @Override
  public Set<Operation> capabilities() {
    return EnumSet.allOf(Operation.class);
  }

  @Override
  public String dial(DialTarget target) throws SoftphoneException {
    String command;
    try {
      command = MicroSipCommands.dial(target);
    } catch (IllegalArgumentException e) {
      throw new SoftphoneException(Reason.INVALID_TARGET, e.getMessage());
    }
    if (singleMode && (liveCall().isPresent() || !tracking() && aRunningHostHasACall())) {
      throw new SoftphoneException(
          Reason.BUSY, "MicroSIP is in a call; in single-call mode it would ignore a second dial");
    }
    send(command);
    return command;
  }

  @Override
  public void answer() throws SoftphoneException {
    requireCall(EnumSet.of(CallState.INCOMING, CallState.RINGING), "no incoming call to answer");
    send(MicroSipCommands.ANSWER);
  }

  @Override
  public void decline() throws SoftphoneException {
    requireCall(EnumSet.of(CallState.INCOMING, CallState.RINGING), "no incoming call to decline");
    send(MicroSipCommands.HANGUP_INCOMING);
  }

  @Override
  public void hangup() throws SoftphoneException {
    requireCall(EnumSet.allOf(CallState.class), "no call to hang up");
    Optional<CallInfo> call = liveCall();
    // /hangupall leaves ringing incoming calls alone; those are rejected separately.
    boolean ringingIn =
        call.isPresent()
            && call.get().direction() == CallDirection.IN
            && call.get().state() != CallState.CONNECTED;
    send(ringingIn ? MicroSipCommands.HANGUP_INCOMING : MicroSipCommands.HANGUP_ALL);
  }

  @Override
  public void hold() throws SoftphoneException {
    requireCall(EnumSet.of(CallState.CONNECTED), "no connected call to hold");
    send(MicroSipCommands.HOLD);
  }

  @Override
  public String transfer(DialTarget target) throws SoftphoneException {
    requireCall(EnumSet.of(CallState.CONNECTED), "no connected call to transfer");
    try {
      String command = MicroSipCommands.transfer(target);
      send(command);
      return MicroSipCommands.dial(target);
    } catch (IllegalArgumentException e) {
      throw new SoftphoneException(Reason.INVALID_TARGET, e.getMessage());
    }
  }

  @Override
  public void dtmf(String digits) throws SoftphoneException {
    requireCall(EnumSet.of(CallState.CONNECTED), "no connected call for DTMF");
    try {
      send(MicroSipCommands.dtmf(digits));
    } catch (IllegalArgumentException e) {
      throw new SoftphoneException(Reason.FAILED, e.getMessage());
    }
  }

  @Override
  public Optional<CallInfo> currentCall() {
    return liveCall();
  }

  @Override
  public synchronized void setListener(SoftphoneListener newListener) {
    this.listener = newListener;
  }

  /** Starts listening for hook events and, where windows can be observed, watching them. */
  @Override
  public synchronized void start() {
    if (closed) {
      return;
    }
    if (hookListener == null) {
      try {
        hookListener = HookListener.start(endpoints, this::onHook, this::stateAnswer);
      } catch (IOException e) {
        LOG.error("cannot listen for MicroSIP hook events: {}", e.getMessage());
      }
    }
    if (observer == null && watcher.isPresent()) {
      observer =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "microsip-windows");
                thread.setDaemon(true);
                return thread;
              });
      SoftphoneWindowWatcher look = watcher.get();
      observer.scheduleWithFixedDelay(
          () -> {
            long at =
                System.currentTimeMillis(); // before the look: what it shows is at least this old
            look.poll().ifPresent(windows -> onWindows(windows, at));
          },
          0,
          POLL_MILLIS,
          TimeUnit.MILLISECONDS);
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

  /**
   * A one-shot command (no hook listener of its own) cannot know the call; the running hosts do.
   */
  private boolean aRunningHostHasACall() {
    for (Map<String, Object> answer : StateQuery.askAll(endpoints, QUERY_TIMEOUT_MILLIS)) {
      if (answer.get("call") instanceof Map<?, ?> call
          && call.get("state") instanceof String state
          && !state.equals(CallState.ENDED.wire())
          && !state.equals(CallState.BUSY.wire())) {
        return true;
      }
    }
    return false;
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
      boolean available = windows.running() || installed();
      if (available != reportedAvailable) {
        reportedAvailable = available;
        listener.onAvailability(kind(), available);
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
      boolean popup = windows.dialogTitles().contains(INCOMING_TITLE);
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

  @Override
  public synchronized void close() {
    closed = true;
    if (observer != null) {
      observer.shutdownNow();
      observer = null;
    }
    if (hookListener != null) {
      hookListener.close();
      hookListener = null;
    }
  }

  /** Whether the hooks feed this adapter (else call state is unknown and nothing is refused). */
  public boolean hooksInstalled() {
    return hooksInstalled;
  }

  private Optional<CallInfo> liveCall() {
    Optional<CallInfo> call = calls.current();
    if (call.isPresent()
        && call.get().state() == CallState.INCOMING
        && System.currentTimeMillis() - call.get().since() > STALE_INCOMING_MILLIS) {
      calls.clear();
      return Optional.empty();
    }
    return call;
  }

  /** With hooks the host knows the call; without, MicroSIP decides and the request goes on. */
  private synchronized boolean tracking() {
    return hooksInstalled && hookListener != null;
  }

  private void requireCall(Set<CallState> states, String message) throws SoftphoneException {
    if (!tracking()) {
      return;
    }
    Optional<CallInfo> call = liveCall();
    if (call.isEmpty() || !states.contains(call.get().state())) {
      throw new SoftphoneException(Reason.NO_CALL, message);
    }
  }

  private void send(String command) throws SoftphoneException {
    try {
      control.send(command);
    } catch (IOException e) {
      throw new SoftphoneException(
          Reason.UNAVAILABLE,
          "MicroSIP (" + control.install().exe() + ") cannot be started: " + e.getMessage());
    }
  }
}
