package dev.click2call.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The calls of the emulated MicroSIP and their states (calling, ringing, confirmed), changed on the
 * UI thread by commands and far-end actions; each change runs the hook MicroSIP runs for it.
 */
final class EmulatorCalls {
  /** One call the emulated MicroSIP has. */
  static final class Call {
    final int id;
    final boolean incoming;
    final String remote;
    String state; // calling, ringing, confirmed
    boolean held;

    Call(int id, boolean incoming, String remote, String state) {
      this.id = id;
      this.incoming = incoming;
      this.remote = remote;
      this.state = state;
    }

    Map<String, Object> view() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", id);
      v.put("direction", incoming ? "in" : "out");
      v.put("remote", remote);
      v.put("state", state);
      v.put("held", held);
      return v;
    }

    boolean ringingIn() {
      return incoming && state.equals("ringing");
    }

    boolean callingOut() {
      return !incoming && state.equals("calling");
    }
  }

  private final Journal journal;
  private final EmulatorHooks hooks;
  private final boolean singleMode;
  private final List<Call> calls = new ArrayList<>();

  /** The ringing incoming calls (their IDD_RINGIN popups), readable without the UI thread. */
  private final List<Integer> ringing = new CopyOnWriteArrayList<>();

  private int nextCallId = 1;

  EmulatorCalls(Journal journal, EmulatorHooks hooks, boolean singleMode) {
    this.journal = journal;
    this.hooks = hooks;
    this.singleMode = singleMode;
  }

  /** The ids of the ringing popups; any thread. */
  List<Integer> ringingIds() {
    return List.copyOf(ringing);
  }

  List<Map<String, Object>> views() {
    return calls.stream().map(Call::view).toList();
  }

  /** Single-call mode ignores a dial while there is a call. */
  boolean mayDial() {
    return !(singleMode && !calls.isEmpty());
  }

  /** {@code MakeCall}: an outgoing call to the user part {@code user}. */
  void dial(String number, String dtmf, String user) {
    Call call = new Call(nextCallId++, false, user, "calling");
    calls.add(call);
    journal.write("call", Map.of("id", call.id, "number", number, "dtmf", dtmf));
    hooks.run("cmdOutgoingCall", user);
  }

  /** An INVITE from the far end. */
  void incoming(String remote) {
    hooks.run("cmdIncomingCall", remote); // for every INVITE, before any check
    Call call = new Call(nextCallId++, true, remote, "ringing");
    calls.add(call);
    ringing.add(call.id);
    hooks.run("cmdCallRing", remote);
  }

  /** The far end answers the first outgoing call; false when there is none. */
  boolean remoteAnswered() {
    for (Call call : calls) {
      if (call.callingOut()) {
        call.state = "confirmed";
        hooks.run("cmdCallStart", call.remote);
        return true;
      }
    }
    return false;
  }

  /** The far end hangs up the first call; false when there is none. */
  boolean remoteHungUp() {
    if (calls.isEmpty()) {
      return false;
    }
    end(calls.get(0), 200);
    return true;
  }

  /** The far end answers busy to the first outgoing call; false when there is none. */
  boolean remoteBusy() {
    for (Call call : calls) {
      if (call.callingOut()) {
        end(call, 486);
        return true;
      }
    }
    return false;
  }

  void answer() {
    for (Call call : calls) {
      if (call.ringingIn()) {
        call.state = "confirmed";
        ringing.remove(Integer.valueOf(call.id));
        journal.write("answered", Map.of("id", call.id));
        hooks.run("cmdCallAnswer", call.remote);
        hooks.run("cmdCallStart", call.remote);
        return;
      }
    }
    journal.write("answer-ignored", Map.of());
  }

  /** Ends every call but the ringing incoming ones. */
  void hangupAll() {
    for (Call call : List.copyOf(calls)) {
      if (!call.ringingIn()) {
        end(call, 200);
      }
    }
  }

  /** Declines every ringing incoming call with this status. */
  void declineRinging(int status) {
    for (Call call : List.copyOf(calls)) {
      if (call.ringingIn()) {
        end(call, status);
      }
    }
  }

  /** {@code RinginDlg::OnBnClickedDecline}: declines this ringing call busy. */
  void decline(int id) {
    for (Call call : List.copyOf(calls)) {
      if (call.id == id && call.ringingIn()) {
        end(call, 486); // msip_call_busy
      }
    }
  }

  /** Cancels every outgoing call not yet answered. */
  void hangupCalling() {
    for (Call call : List.copyOf(calls)) {
      if (!call.incoming && !call.state.equals("confirmed")) {
        end(call, 487);
      }
    }
  }

  void hold() {
    Call call = current();
    if (call != null) {
      call.held = !call.held;
      journal.write("hold", Map.of("id", call.id, "held", call.held));
    }
  }

  void transfer(String target) {
    Call call = current();
    journal.write("transfer", Map.of("target", target, "call", call == null ? -1 : call.id));
    if (call != null) {
      end(call, 200);
    }
  }

  void dtmf(String digits) {
    Call call = current();
    journal.write("dtmf", Map.of("digits", digits, "call", call == null ? -1 : call.id));
  }

  private Call current() {
    for (Call call : calls) {
      if (call.state.equals("confirmed")) {
        return call;
      }
    }
    return null;
  }

  private void end(Call call, int status) {
    calls.remove(call);
    ringing.remove(Integer.valueOf(call.id));
    journal.write("ended", Map.of("id", call.id, "status", status));
    boolean busy = status == 486 || status == 600 || status == 603;
    hooks.run(busy ? "cmdCallBusy" : "cmdCallEnd", call.remote);
  }
}
