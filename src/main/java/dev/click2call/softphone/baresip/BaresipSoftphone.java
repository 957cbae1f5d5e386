package dev.click2call.softphone.baresip;

import dev.click2call.dialing.DialTarget;
import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.CallTable;
import dev.click2call.softphone.Operation;
import dev.click2call.softphone.Registration;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import dev.click2call.softphone.SoftphoneException.Reason;
import dev.click2call.softphone.SoftphoneListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives baresip through ctrl_tcp. A supervisor thread starts (or attaches to) baresip, keeps the
 * control connection and restarts baresip when it dies. The adapter keeps its own view of the one
 * current call from baresip's events, because baresip answers {@code ok} to {@code hangup} or
 * {@code accept} even when there is no call.
 */
public final class BaresipSoftphone implements Softphone {
  public static final String KIND = "baresip";

  /** Loaded on first use: creating the adapter on the host's start path does no logging. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(BaresipSoftphone.class);
  }

  private static final long COMMAND_TIMEOUT_MILLIS = 5000;
  private static final long CONNECT_WAIT_MILLIS = 5000;
  private static final long START_TIMEOUT_MILLIS = 5000;
  private static final long POLL_MILLIS = 20;
  private static final long MIN_BACKOFF_MILLIS = 200;
  private static final long MAX_BACKOFF_MILLIS = 5000;
  private static final long STABLE_MILLIS = 10_000;
  static final String STOPPED_REASON = "softphone stopped";

  private static final Set<Operation> CAPABILITIES =
      EnumSet.of(
          Operation.DIAL,
          Operation.ANSWER,
          Operation.DECLINE,
          Operation.HANGUP,
          Operation.HOLD,
          Operation.DTMF);

  /** The one call this adapter tracks. Guarded by {@link #lock}. */
  private static final class Call {
    String id;
    final CallDirection direction;
    String remote;
    CallState state;
    boolean onHold;
    String postDialDigits;

    Call(String id, CallDirection direction, String remote, CallState state) {
      this.id = id;
      this.direction = direction;
      this.remote = remote;
      this.state = state;
    }
  }

  private final BaresipSettings settings;
  private final Path executable;
  private final Path runtimeDir;
  private final Path logFile;
  private final Object lock = new Object();
  private final CallTable table = new CallTable();

  private volatile SoftphoneListener listener = SoftphoneListener.NONE;
  private volatile boolean closed;
  // Set by start(): naming the folder needs the pid, whose first use costs milliseconds.
  private volatile Path configDir;
  private Thread supervisor;
  private Call current;
  private CtrlClient client;
  private CountDownLatch connectionLost;
  private BaresipProcess process;
  private boolean announcedAvailable;
  // The registration of the current control connection; null when unknown.
  private Registration registration;

  private BaresipSoftphone(
      BaresipSettings settings, Path executable, Path runtimeDir, Path logFile) {
    this.settings = settings;
    this.executable = executable;
    this.runtimeDir = runtimeDir;
    this.logFile = logFile;
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
    synchronized (lock) {
      if (closed || supervisor != null) {
        return;
      }
      configDir = runtimeDir.resolve("baresip-" + ProcessHandle.current().pid());
      supervisor = new Thread(this::supervise, "baresip-supervisor");
      supervisor.setDaemon(true);
      supervisor.start();
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean available() {
    synchronized (lock) {
      return client != null && client.isOpen();
    }
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void setListener(SoftphoneListener newListener) {
    listener = newListener == null ? SoftphoneListener.NONE : newListener;
  }

  @Override
  public Optional<CallInfo> currentCall() {
    return table.current();
  }

  @Override
  public Optional<Registration> registration() {
    synchronized (lock) {
      return Optional.ofNullable(registration);
    }
  }

  @Override
  public dev.click2call.softphone.Readiness readiness() {
    return BaresipReadiness.of(settings, available(), registration().orElse(null));
  }

  // ---- requests ----

  @Override
  public String dial(DialTarget target) throws SoftphoneException {
    String uri = dialString(target);
    CtrlClient ctrl = awaitClient();
    Call call;
    synchronized (lock) {
      if (current != null) {
        throw new SoftphoneException(
            Reason.BUSY, "a call is in progress; hang it up before dialing again");
      }
      call = new Call(null, CallDirection.OUT, uri, CallState.DIALING);
      call.postDialDigits = extensionOf(target);
      current = call;
      emit(call, null);
    }
    CtrlClient.Response response;
    try {
      response = ctrl.command("dial", uri, COMMAND_TIMEOUT_MILLIS);
    } catch (IOException e) {
      endIfCurrent(call, "dial failed: " + e.getMessage());
      throw new SoftphoneException(Reason.UNAVAILABLE, e.getMessage(), e);
    }
    if (!response.ok()) {
      String why = "baresip refused the call: " + oneLine(response.data());
      endIfCurrent(call, why);
      throw new SoftphoneException(Reason.FAILED, why);
    }
    return uri;
  }

  @Override
  public void answer() throws SoftphoneException {
    require(CallState.INCOMING, "no incoming call to answer");
    send("accept", null);
  }

  @Override
  public void decline() throws SoftphoneException {
    require(CallState.INCOMING, "no incoming call to decline");
    // baresip rejects a ringing incoming call with 486 when it is hung up.
    send("hangup", null);
  }

  @Override
  public void hangup() throws SoftphoneException {
    synchronized (lock) {
      if (current == null) {
        throw new SoftphoneException(Reason.NO_CALL, "no call to hang up");
      }
    }
    send("hangup", null);
  }

  @Override
  public void hold() throws SoftphoneException {
    Call call = require(CallState.CONNECTED, "no connected call to hold or resume");
    boolean held;
    synchronized (lock) {
      held = call.onHold;
    }
    send(held ? "resume" : "hold", null);
    synchronized (lock) {
      if (current == call && call.state == CallState.CONNECTED) {
        call.onHold = !held;
        emit(call, null);
      }
    }
  }

  @Override
  public void dtmf(String digits) throws SoftphoneException {
    require(CallState.CONNECTED, "no connected call to send digits on");
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

  private Call require(CallState state, String otherwise) throws SoftphoneException {
    synchronized (lock) {
      if (current == null || current.state != state) {
        throw new SoftphoneException(Reason.NO_CALL, otherwise);
      }
      return current;
    }
  }

  private void send(String command, String params) throws SoftphoneException {
    CtrlClient ctrl = awaitClient();
    CtrlClient.Response response;
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

  private CtrlClient awaitClient() throws SoftphoneException {
    start(); // a one-shot command (click2call dial) needs baresip without a host's start()
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_WAIT_MILLIS);
    synchronized (lock) {
      while (!closed && (client == null || !client.isOpen())) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new SoftphoneException(
              Reason.UNAVAILABLE, "baresip is not reachable on " + describeCtrl());
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SoftphoneException(Reason.UNAVAILABLE, "interrupted");
        }
      }
      if (closed) {
        throw new SoftphoneException(Reason.UNAVAILABLE, "the softphone adapter is closed");
      }
      return client;
    }
  }

  // ---- events from baresip ----

  private void onEvent(Map<String, Object> message) {
    BaresipEvent event = BaresipEvent.from(message);
    String type = event.type() == null ? "" : event.type();
    Registration registered = event.registration(System.currentTimeMillis());
    if (registered != null) {
      Log.LOG.info("registration: {} {}", type, event.param());
      reportRegistration(registered, false);
      return;
    }
    CallState state = event.callState();
    if (state == null) {
      Log.LOG.debug("baresip event {}", type);
      return;
    }
    String digits = null;
    synchronized (lock) {
      if (state == CallState.INCOMING) {
        if (current != null) {
          Log.LOG.info("ignoring a second incoming call while one is in progress");
          return;
        }
        current = new Call(event.callId(), CallDirection.IN, event.peer(), state);
        emit(current, null);
        return;
      }
      if (current == null) {
        if (!state.isLive()) {
          return;
        }
        // A call placed in baresip itself (when attached to a running baresip).
        current = new Call(event.callId(), event.direction(), event.peer(), state);
        emit(current, null);
        return;
      }
      if (!matches(current, event)) {
        Log.LOG.debug("event {} for another call", type);
        return;
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
        emit(ended, event.param());
        return;
      }
      if (state == current.state
          || (state == CallState.RINGING && current.state == CallState.CONNECTED)) {
        return;
      }
      current.state = state;
      emit(current, null);
      if (state == CallState.CONNECTED) {
        digits = current.postDialDigits;
        current.postDialDigits = null;
      }
    }
    if (digits != null) {
      sendPostDialDigits(digits);
    }
  }

  private static boolean matches(Call call, BaresipEvent event) {
    if (call.id != null) {
      return call.id.equals(event.callId());
    }
    return event.direction() == null || event.direction() == call.direction;
  }

  private void sendPostDialDigits(String digits) {
    Thread sender =
        new Thread(
            () -> {
              try {
                send("sndcode", digits);
              } catch (SoftphoneException e) {
                Log.LOG.warn("could not send the extension digits: {}", e.getMessage());
              }
            },
            "baresip-postdial");
    sender.setDaemon(true);
    sender.start();
  }

  /** Records and reports the call's current state. Called with {@link #lock} held. */
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
      Log.LOG.error("the call listener failed", e);
    }
  }

  private void endIfCurrent(Call call, String reason) {
    synchronized (lock) {
      if (current == call) {
        current = null;
        call.state = CallState.ENDED;
        emit(call, reason);
      }
    }
  }

  // ---- supervision ----

  private void supervise() {
    long backoff = MIN_BACKOFF_MILLIS;
    while (!closed) {
      long startedAt = System.nanoTime();
      CountDownLatch lost = new CountDownLatch(1);
      try {
        CtrlClient connected = establish(lost);
        synchronized (lock) {
          if (closed) {
            connected.close();
            break;
          }
          client = connected;
          connectionLost = lost;
          lock.notifyAll();
        }
        setAvailable(true);
        readRegistration(connected);
        lost.await();
      } catch (IOException e) {
        Log.LOG.warn("baresip is not available: {}", e.getMessage());
      } catch (InterruptedException e) {
        break;
      }
      connectionEnded();
      if (closed) {
        break;
      }
      if (System.nanoTime() - startedAt > TimeUnit.MILLISECONDS.toNanos(STABLE_MILLIS)) {
        backoff = MIN_BACKOFF_MILLIS;
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        break;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
    stopProcess();
  }

  /** Connects to a running baresip (modes auto and attach) or starts one (auto and start). */
  private CtrlClient establish(CountDownLatch lost) throws IOException {
    CtrlClient.Listener events =
        new CtrlClient.Listener() {
          @Override
          public void onEvent(Map<String, Object> event) {
            BaresipSoftphone.this.onEvent(event);
          }

          @Override
          public void onDisconnected(CtrlClient client, String why) {
            Log.LOG.info("baresip control connection ended: {}", why);
            lost.countDown();
          }
        };
    if (!settings.mode().equals("start")) {
      try {
        CtrlClient attached = CtrlClient.connect(ctrlAddress(), 500, events);
        Log.LOG.info("using the baresip already answering on {}", describeCtrl());
        return attached;
      } catch (IOException e) {
        if (settings.mode().equals("attach")) {
          throw new IOException("no baresip answers on " + describeCtrl(), e);
        }
      }
    } else if (answers(ctrlAddress())) {
      throw new IOException(
          describeCtrl() + " is taken by another program; set baresip.ctrlPort to a free port");
    }
    if (executable == null) {
      throw new IOException("baresip is not installed (not on PATH and no baresip.path set)");
    }
    ConfigDirWriter.write(configDir, settings, BaresipLocator.moduleDir(executable));
    BaresipProcess started = BaresipProcess.start(executable, configDir, logFile);
    synchronized (lock) {
      process = started;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (true) {
      if (!started.isAlive()) {
        throw new IOException("baresip exited at start; see " + logFile);
      }
      try {
        return CtrlClient.connect(ctrlAddress(), 200, events);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("baresip did not open " + describeCtrl() + "; see " + logFile, e);
        }
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting baresip", e);
      }
    }
  }

  private static boolean answers(InetSocketAddress address) {
    try (java.net.Socket probe = new java.net.Socket()) {
      probe.connect(address, 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Asks baresip for a registration it may have reported before this connection existed, and
   * reports what is known once more: the availability event just sent said "unknown", and an event
   * may have been reported before it.
   */
  private void readRegistration(CtrlClient ctrl) {
    Registration read = null;
    try {
      CtrlClient.Response response = ctrl.command("reginfo", null, COMMAND_TIMEOUT_MILLIS);
      read = response.ok() ? RegInfo.parse(response.data(), System.currentTimeMillis()) : null;
    } catch (IOException e) {
      Log.LOG.debug("reginfo failed: {}", e.getMessage());
    }
    reportRegistration(read, true);
  }

  /**
   * Records a registration and reports the one now known, if any, once baresip is reachable.
   *
   * @param onlyIfUnknown true for a state read back from baresip: an event is newer and wins
   */
  private void reportRegistration(Registration changed, boolean onlyIfUnknown) {
    Registration known;
    boolean available;
    synchronized (lock) {
      if (!onlyIfUnknown || registration == null) {
        registration = changed;
      }
      known = registration;
      available = client != null && client.isOpen();
    }
    if (known == null || !available) {
      // Before the connection is announced, readRegistration reports it after the availability.
      return;
    }
    try {
      listener.onRegistration(KIND, true, known);
    } catch (RuntimeException e) {
      Log.LOG.error("the registration listener failed", e);
    }
  }

  /**
   * The connection is gone: the call (if any) ended with it, baresip is unavailable and its
   * registration unknown.
   */
  private void connectionEnded() {
    synchronized (lock) {
      if (client != null) {
        client.close();
      }
      client = null;
      connectionLost = null;
      registration = null;
      if (current != null) {
        Call ended = current;
        current = null;
        ended.state = CallState.ENDED;
        emit(ended, STOPPED_REASON);
      }
    }
    stopProcess();
    setAvailable(false);
  }

  private void stopProcess() {
    BaresipProcess owned;
    synchronized (lock) {
      owned = process;
      process = null;
    }
    if (owned != null) {
      owned.stop();
    }
  }

  private void setAvailable(boolean available) {
    synchronized (lock) {
      if (announcedAvailable == available || (closed && available)) {
        return;
      }
      announcedAvailable = available;
    }
    Log.LOG.info("baresip available: {}", available);
    try {
      listener.onAvailability(KIND, available);
    } catch (RuntimeException e) {
      Log.LOG.error("the availability listener failed", e);
    }
  }

  /** The pid of the baresip this adapter started and runs now, if any (for diagnostics). */
  public Optional<Long> ownedPid() {
    synchronized (lock) {
      return process == null ? Optional.empty() : Optional.of(process.pid());
    }
  }

  private String describeCtrl() {
    return "127.0.0.1:" + settings.ctrlPort();
  }

  private static String oneLine(String text) {
    String line = text.strip().replace('\n', ' ');
    return BaresipEvent.clean(line, 200) == null
        ? "no reason given"
        : BaresipEvent.clean(line, 200);
  }

  private InetSocketAddress ctrlAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.ctrlPort());
  }

  @Override
  public void close() {
    CountDownLatch lost;
    Thread started;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lost = connectionLost;
      started = supervisor;
      lock.notifyAll();
    }
    if (started == null) {
      return; // never started: no process, connection or folder
    }
    started.interrupt();
    if (lost != null) {
      lost.countDown();
    }
    synchronized (lock) {
      if (client != null) {
        client.close();
      }
    }
    stopProcess();
    try {
      started.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ConfigDirCleaner.remove(configDir);
  }
}
