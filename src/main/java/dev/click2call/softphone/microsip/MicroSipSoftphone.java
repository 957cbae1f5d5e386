package dev.click2call.softphone.microsip;

import dev.click2call.dialing.DialTarget;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.ipc.HookMessage;
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
import java.util.Optional;
import java.util.Set;
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

  private static final Logger LOG = LoggerFactory.getLogger(MicroSipSoftphone.class);

  private final MicroSipControl control;
  private final HookEndpoints endpoints;
  private final CallTable calls = new CallTable();
  private final boolean singleMode;
  private final boolean hooksInstalled;
  private volatile SoftphoneListener listener = SoftphoneListener.NONE;
  private HookListener hookListener;

  public MicroSipSoftphone(MicroSipControl control, HookEndpoints endpoints) {
    this.control = control;
    this.endpoints = endpoints;
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
    if (singleMode && liveCall().isPresent()) {
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

  /** Starts listening for hook events; the host calls this once. */
  @Override
  public synchronized void setListener(SoftphoneListener newListener) {
    this.listener = newListener;
    if (hookListener == null) {
      try {
        hookListener = HookListener.start(endpoints, this::onHook);
      } catch (IOException e) {
        LOG.error("cannot listen for MicroSIP hook events: {}", e.getMessage());
      }
    }
  }

  /** Applies one hook event to the call table and reports it. */
  void onHook(HookMessage message) {
    Optional<CallInfo> before = calls.current();
    Optional<CallEvent> event =
        HookEventMapper.toCallEvent(message, before, System.currentTimeMillis());
    if (event.isEmpty()) {
      return;
    }
    CallEvent call = event.get();
    boolean waiting =
        call.state() == CallState.INCOMING
            && before.isPresent()
            && before.get().state() == CallState.CONNECTED;
    // A second incoming call during a connected one is reported but does not replace it.
    listener.onCall(waiting ? call : calls.record(call));
  }

  @Override
  public synchronized void close() {
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
