package dev.click2call.softphone.microsip;

import dev.click2call.dialing.DialTarget;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.ipc.HookMessage;
import dev.click2call.ipc.StateQuery;
import dev.click2call.platform.SoftphoneWindowWatcher;
import dev.click2call.platform.SoftphoneWindows;
import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.Operation;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import dev.click2call.softphone.SoftphoneException.Reason;
import dev.click2call.softphone.SoftphoneListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MicroSIP behind the softphone interface: commands through {@link MicroSipControl}, call state
 * from its hooks and windows merged in {@link CallStateMerge} (MicroSIP cannot be asked).
 */
public final class MicroSipSoftphone implements Softphone {
  /** Window polling period: the status-bar timer changes once a second. */
  static final long POLL_MILLIS = 1_000;

  /** How long a one-shot command waits for each running host to answer a state query. */
  static final int QUERY_TIMEOUT_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(MicroSipSoftphone.class);

  /** Opens this host's hook endpoint (a Unix-domain socket). */
  interface HookSource {
    AutoCloseable open(
        HookEndpoints endpoints, Consumer<HookMessage> onHook, Supplier<Map<String, Object>> state)
        throws IOException;
  }

  private final MicroSipControl control;
  private final HookEndpoints endpoints;
  private final HookSource hookSource;
  private final CallStateMerge state;
  private final boolean singleMode;
  private final boolean hooksInstalled;
  private final Optional<SoftphoneWindowWatcher> watcher;
  private AutoCloseable hookListener;
  private volatile String hooksUnavailable;
  private ScheduledExecutorService observer;
  private boolean closed;

  public MicroSipSoftphone(MicroSipControl control, HookEndpoints endpoints) {
    this(control, endpoints, control.windowWatcher());
  }

  MicroSipSoftphone(
      MicroSipControl control, HookEndpoints endpoints, Optional<SoftphoneWindowWatcher> watcher) {
    this(control, endpoints, watcher, HookListener::start);
  }

  MicroSipSoftphone(
      MicroSipControl control,
      HookEndpoints endpoints,
      Optional<SoftphoneWindowWatcher> watcher,
      HookSource hookSource) {
    this.control = control;
    this.endpoints = endpoints;
    this.watcher = watcher;
    this.hookSource = hookSource;
    this.state = new CallStateMerge(this::installed);
    MicroSipIni ini = readIni(control.install().ini());
    this.singleMode =
        ini == null
            || !"0"
                .equals(
                    ini.get("Settings", "singleMode").map(HookValues::profileValue).orElse("1"));
    this.hooksInstalled = ini != null && HookInstaller.allInstalled(ini);
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

  @Override
  public boolean available() {
    return state.available();
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
    declineRinging();
  }

  @Override
  public void hangup() throws SoftphoneException {
    requireCall(EnumSet.allOf(CallState.class), "no call to hang up");
    Optional<CallInfo> call = liveCall();
    // /hangupall leaves ringing incoming calls alone; those are declined separately.
    boolean ringingIn =
        call.isPresent()
            && call.get().direction() == CallDirection.IN
            && call.get().state() != CallState.CONNECTED;
    if (ringingIn) {
      declineRinging();
    } else {
      send(MicroSipCommands.HANGUP_ALL);
    }
  }

  /**
   * {@code /hangupincoming} where MicroSIP knows it (3.22); before that it would be dialed, so the
   * Decline button of its Incoming Call window is pressed instead.
   */
  private void declineRinging() throws SoftphoneException {
    MicroSipVersion version = version();
    if (version.hasHangupIncoming()) {
      send(MicroSipCommands.HANGUP_INCOMING);
      return;
    }
    int pressed;
    try {
      pressed = control.pressDecline();
    } catch (IOException e) {
      throw new SoftphoneException(Reason.UNAVAILABLE, "MicroSIP: " + e.getMessage());
    }
    if (pressed == 0) {
      throw new SoftphoneException(
          Reason.UNSUPPORTED,
          (version.known() ? "MicroSIP " + version.text() : "this MicroSIP (version unknown)")
              + " has no /hangupincoming, and its Incoming Call window was not found to press"
              + " Decline");
    }
  }

  /** Read when needed: an update of MicroSIP changes it while the host runs. */
  MicroSipVersion version() {
    return MicroSipVersion.detect(
        control.install().ini(), control.install().exe(), control.win32().versions());
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
    state.setListener(newListener);
  }

  /** Starts listening for hook events and, where windows can be observed, watching them. */
  @Override
  public synchronized void start() {
    if (closed) {
      return;
    }
    if (control.win32().unavailable() != null) {
      LOG.warn("{}", control.win32().unavailable());
    }
    if (hookListener == null && hooksUnavailable == null) {
      try {
        hookListener = hookSource.open(endpoints, this::onHook, state::stateAnswer);
      } catch (IOException e) {
        hooksUnavailable = "cannot listen for MicroSIP hook events: " + e.getMessage();
        LOG.error("{}", hooksUnavailable);
      } catch (UnsupportedOperationException e) {
        // Windows before 10 1803 and some Server/RDS builds have no AF_UNIX sockets.
        hooksUnavailable =
            "hooks unavailable: this Windows has no Unix-domain sockets (AF_UNIX, Windows 10 1803"
                + " or later), so MicroSIP's call events cannot reach the host";
        LOG.error("{}", hooksUnavailable);
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

  /** What limits this adapter here (for the log, status and doctor); empty when nothing does. */
  public List<String> limitations() {
    List<String> notes = new ArrayList<>();
    if (control.win32().unavailable() != null) {
      notes.add(control.win32().unavailable());
    }
    if (hooksUnavailable != null) {
      notes.add(hooksUnavailable);
    }
    if (control.startNote() != null) {
      notes.add("MicroSIP was started inside the browser's job: " + control.startNote());
    }
    return notes;
  }

  /** What this host answers a state query with: its current call, or null. */
  Map<String, Object> stateAnswer() {
    return state.stateAnswer();
  }

  /**
   * A one-shot command (no hook listener of its own) cannot know the call; the running hosts do.
   */
  private boolean aRunningHostHasACall() {
    for (Map<String, Object> answer : StateQuery.askAll(endpoints, QUERY_TIMEOUT_MILLIS)) {
      if (answer.get("call") instanceof Map<?, ?> call
          && call.get("state") instanceof String callState
          && !callState.equals(CallState.ENDED.wire())
          && !callState.equals(CallState.BUSY.wire())) {
        return true;
      }
    }
    return false;
  }

  void onHook(HookMessage message) {
    state.onHook(message);
  }

  void onWindows(SoftphoneWindows windows, long at) {
    state.onWindows(windows, at);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (observer != null) {
      observer.shutdownNow();
      observer = null;
    }
    if (hookListener != null) {
      try {
        hookListener.close();
      } catch (Exception e) {
        LOG.debug("closing the hook endpoint: {}", e.getMessage());
      }
      hookListener = null;
    }
  }

  /** Whether the hooks feed this adapter (else call state is unknown and nothing is refused). */
  public boolean hooksInstalled() {
    return hooksInstalled;
  }

  private Optional<CallInfo> liveCall() {
    return state.liveCall();
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
          Reason.UNAVAILABLE, "MicroSIP (" + control.install().exe() + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SoftphoneException(Reason.FAILED, "interrupted while sending to MicroSIP");
    }
  }
}
