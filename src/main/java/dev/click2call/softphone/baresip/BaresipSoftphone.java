package dev.click2call.softphone.baresip;

import dev.click2call.dialing.DialTarget;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.Operation;
import dev.click2call.softphone.Registration;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import dev.click2call.softphone.SoftphoneException.Reason;
import dev.click2call.softphone.SoftphoneListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The baresip adapter: turns requests into baresip commands, checked first against its own view of
 * the call ({@link CallTracker}), because baresip answers {@code ok} to {@code hangup} or {@code
 * accept} even when there is no call. {@link BaresipSupervisor} keeps baresip and its control
 * channel running.
 */
public final class BaresipSoftphone implements Softphone {
  public static final String KIND = "baresip";
  static final String STOPPED_REASON = "softphone stopped";

  private static final long COMMAND_TIMEOUT_MILLIS = 5000;
  private static final long CONNECT_WAIT_MILLIS = 5000;

  private static final Set<Operation> CAPABILITIES =
      EnumSet.of(
          Operation.DIAL,
          Operation.ANSWER,
          Operation.DECLINE,
          Operation.HANGUP,
          Operation.HOLD,
          Operation.DTMF);

  private final BaresipSettings settings;
  private final ForeignHostPolicy foreignHosts;
  private final CallTracker tracker;
  private final BaresipSupervisor supervisor;

  private BaresipSoftphone(
      BaresipSettings settings, Path executable, Path runtimeDir, Path logFile) {
    this.settings = settings;
    this.foreignHosts = ForeignHostPolicy.of(settings);
    BaresipOutput output = new BaresipOutput(logFile);
    this.tracker =
        new CallTracker(this::sendPostDialDigits, reason -> EndReasons.explain(reason, output));
    this.supervisor = new BaresipSupervisor(settings, executable, runtimeDir, output, tracker);
    output.onStreamFailure(this::audioFailed);
  }

  /**
   * Creates the adapter, cheaply (the host does it before its first reply); {@link #start} starts
   * its supervisor, which starts or attaches to baresip.
   *
   * @param executable the baresip program, or null when only attaching is possible
   * @param runtimeDir where a generated configuration goes, in {@code baresip-<pid>} (removed on
   *     close)
   * @param logFile where baresip's own output goes
   */
  public static BaresipSoftphone create(
      BaresipSettings settings, Path executable, Path runtimeDir, Path logFile) {
    return new BaresipSoftphone(settings, executable, runtimeDir, logFile);
  }

  @Override
  public void start() {
    supervisor.start();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean available() {
    return supervisor.available();
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void setListener(SoftphoneListener newListener) {
    tracker.setListener(newListener);
  }

  @Override
  public Optional<CallInfo> currentCall() {
    return tracker.currentCall();
  }

  @Override
  public Optional<Registration> registration() {
    return tracker.registration();
  }

  @Override
  public dev.click2call.softphone.Readiness readiness() {
    return BaresipReadiness.of(settings, available(), registration().orElse(null));
  }

  // ---- requests ----

  @Override
  public String dial(DialTarget target) throws SoftphoneException {
    return dial(target, false);
  }

  @Override
  public String dial(DialTarget target, boolean foreignHostConfirmed) throws SoftphoneException {
    String uri = dialString(target);
    String foreign = foreignHosts.foreignHost(target);
    if (foreign != null && !foreignHostConfirmed) {
      throw new SoftphoneException(
          Reason.FOREIGN_HOST,
          foreign
              + " is not your SIP account's server ("
              + String.join(", ", foreignHosts.allowedHosts())
              + "); if it asks, baresip would answer with your account's password digest. Dial"
              + " it only if you trust it");
    }
    ControlChannel ctrl = awaitChannel();
    CallTracker.Call call = tracker.dialing(uri, extensionOf(target));
    long eventsBefore = tracker.outgoingEvents();
    ControlChannel.Response response;
    try {
      response = ctrl.command("dial", uri, COMMAND_TIMEOUT_MILLIS);
    } catch (IOException e) {
      tracker.endIfCurrent(call, STOPPED_REASON);
      throw new SoftphoneException(Reason.UNAVAILABLE, e.getMessage(), e);
    }
    // baresip reports a placed call at once (before its response); without that it placed none.
    boolean refused =
        !response.ok() || (!ctrl.reportsFailures() && tracker.outgoingEvents() == eventsBefore);
    if (refused) {
      String why =
          response.ok() || response.data().isBlank()
              ? "baresip could not place the call to " + uri + " (see baresip.log)"
              : oneLine(response.data());
      tracker.endIfCurrent(call, why);
      throw new SoftphoneException(Reason.FAILED, "baresip refused the call: " + why);
    }
    return uri;
  }

  @Override
  public void answer() throws SoftphoneException {
    CallTracker.Call call = tracker.require(CallState.INCOMING, "no incoming call to answer");
    tracker.answering(call);
    send("accept", null);
  }

  @Override
  public void decline() throws SoftphoneException {
    tracker.require(CallState.INCOMING, "no incoming call to decline");
    // baresip rejects a ringing incoming call with 486 when it is hung up.
    send("hangup", null);
  }

  @Override
  public void hangup() throws SoftphoneException {
    if (!tracker.hasCall()) {
      throw new SoftphoneException(Reason.NO_CALL, "no call to hang up");
    }
    send("hangup", null);
  }

  @Override
  public void hold() throws SoftphoneException {
    CallTracker.Call call =
        tracker.require(CallState.CONNECTED, "no connected call to hold or resume");
    boolean held = tracker.onHold(call);
    send(held ? "resume" : "hold", null);
    tracker.held(call, !held);
  }

  @Override
  public void dtmf(String digits) throws SoftphoneException {
    tracker.require(CallState.CONNECTED, "no connected call to send digits on");
    send("sndcode", digits);
  }

  /** The exact URI handed to baresip: SIP targets as they are, numbers at the account's domain. */
  String dialString(DialTarget target) throws SoftphoneException {
    if (target.kind() == DialTarget.Kind.SIP) {
      return target.value();
    }
    String domain = settings.effectiveDomain();
    if (domain == null) {
      throw new SoftphoneException(
          Reason.INVALID_TARGET,
          "baresip can dial a phone number only through a SIP domain: set baresip.domain or"
              + " baresip.account, or dial a sip: address");
    }
    String number = target.value();
    int comma = number.indexOf(',');
    if (comma >= 0) {
      number = number.substring(0, comma);
    }
    return "sip:" + number.replace("#", "%23") + "@" + domain;
  }

  private static String extensionOf(DialTarget target) {
    if (target.kind() != DialTarget.Kind.PHONE) {
      return null;
    }
    int comma = target.value().indexOf(',');
    return comma < 0 || comma == target.value().length() - 1
        ? null
        : target.value().substring(comma + 1);
  }

  private void send(String command, String params) throws SoftphoneException {
    ControlChannel ctrl = awaitChannel();
    ControlChannel.Response response;
    try {
      response = ctrl.command(command, params, COMMAND_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new SoftphoneException(Reason.UNAVAILABLE, e.getMessage(), e);
    }
    if (!response.ok()) {
      throw new SoftphoneException(
          Reason.FAILED, "baresip refused '" + command + "': " + oneLine(response.data()));
    }
  }

  /** A call without sound is of no use: end it with a reason that says why. */
  private void audioFailed(String device) {
    String reason =
        "no usable audio device: baresip could not open "
            + (device == null ? "the audio device" : device)
            + "; run 'click2call doctor'";
    if (tracker.endingBecause(reason)) {
      Thread hangup =
          new Thread(
              () -> {
                try {
                  send("hangup", null);
                } catch (SoftphoneException e) {
                  org.slf4j.LoggerFactory.getLogger(BaresipSoftphone.class)
                      .warn("could not hang up a call without audio: {}", e.getMessage());
                }
              },
              "baresip-audio-hangup");
      hangup.setDaemon(true);
      hangup.start();
    }
  }

  private void sendPostDialDigits(String digits) {
    Thread sender =
        new Thread(
            () -> {
              try {
                send("sndcode", digits);
              } catch (SoftphoneException e) {
                org.slf4j.LoggerFactory.getLogger(BaresipSoftphone.class)
                    .warn("could not send the extension digits: {}", e.getMessage());
              }
            },
            "baresip-postdial");
    sender.setDaemon(true);
    sender.start();
  }

  private ControlChannel awaitChannel() throws SoftphoneException {
    start(); // a one-shot command (click2call dial) needs baresip without a host's start()
    ControlChannel channel;
    try {
      channel = supervisor.awaitChannel(CONNECT_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SoftphoneException(Reason.UNAVAILABLE, "interrupted");
    }
    if (channel == null) {
      throw new SoftphoneException(
          Reason.UNAVAILABLE,
          supervisor.closed()
              ? "the softphone adapter is closed"
              : "baresip is not reachable on " + supervisor.describe());
    }
    return channel;
  }

  private static String oneLine(String text) {
    String line = BaresipEvent.clean(text.strip().replace('\n', ' '), 200);
    return line == null ? "no reason given" : line;
  }

  /** The pid of the baresip this adapter started and runs now, if any (for diagnostics). */
  public Optional<Long> ownedPid() {
    return supervisor.ownedPid();
  }

  @Override
  public void close() {
    supervisor.close();
  }
}
