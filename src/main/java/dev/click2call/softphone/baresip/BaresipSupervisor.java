package dev.click2call.softphone.baresip;

import dev.click2call.softphone.Registration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a control channel to baresip. By default it starts the host's own baresip, whose only
 * control channel is a session on the host's private {@link MqttBroker} authenticated by a secret
 * written for that start, and restarts it when it dies. In {@code attach} mode (opt-in) it connects
 * to a baresip the user runs with ctrl_tcp and reconnects when that connection drops; it never
 * starts or ends that process.
 */
final class BaresipSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(BaresipSupervisor.class);
  private static final long START_TIMEOUT_MILLIS = 5000;
  private static final long POLL_MILLIS = 20;
  private static final long MIN_BACKOFF_MILLIS = 200;
  private static final long MAX_BACKOFF_MILLIS = 5000;
  private static final long STABLE_MILLIS = 10_000;
  private static final long COMMAND_TIMEOUT_MILLIS = 5000;

  /** How long closing waits for the supervisor thread to end baresip (SIGTERM, then SIGKILL). */
  private static final long STOP_MILLIS = 2 * BaresipProcess.GRACE_MILLIS + 1000;

  private final BaresipSettings settings;
  private final Path executable;
  private final Path runtimeDir;
  private final BaresipOutput output;
  private final CallTracker tracker;
  private final Object lock = new Object();

  private volatile boolean closed;
  private Thread thread;
  private Path configDir;
  private ControlChannel channel;
  private CountDownLatch channelLost;
  private BaresipProcess process;
  private MqttBroker broker;
  private boolean announcedAvailable;

  BaresipSupervisor(
      BaresipSettings settings,
      Path executable,
      Path runtimeDir,
      BaresipOutput output,
      CallTracker tracker) {
    this.settings = settings;
    this.executable = executable;
    this.runtimeDir = runtimeDir;
    this.output = output;
    this.tracker = tracker;
  }

  boolean attachMode() {
    return settings.mode().equals("attach");
  }

  void start() {
    synchronized (lock) {
      if (closed || thread != null) {
        return;
      }
      configDir = runtimeDir.resolve(StaleConfigCleaner.PREFIX + ProcessHandle.current().pid());
      thread = new Thread(this::supervise, "baresip-supervisor");
      thread.setDaemon(true);
      thread.start();
    }
  }

  boolean available() {
    synchronized (lock) {
      return channel != null && channel.isOpen();
    }
  }

  /** The open channel, waiting up to {@code millis} for one; null when there is none. */
  ControlChannel awaitChannel(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (lock) {
      while (!closed && (channel == null || !channel.isOpen())) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return null;
        }
        lock.wait(left);
      }
      return closed ? null : channel;
    }
  }

  boolean closed() {
    return closed;
  }

  String describe() {
    return attachMode()
        ? "127.0.0.1:" + settings.ctrlPort() + " (ctrl_tcp)"
        : "its private control session";
  }

  Optional<Long> ownedPid() {
    synchronized (lock) {
      return process == null ? Optional.empty() : Optional.of(process.pid());
    }
  }

  private void supervise() {
    if (!attachMode()) {
      StaleConfigCleaner.clean(runtimeDir, ProcessHandle.current().pid());
    }
    long backoff = MIN_BACKOFF_MILLIS;
    while (!closed) {
      long startedAt = System.nanoTime();
      CountDownLatch lost = new CountDownLatch(1);
      try {
        ControlChannel connected = attachMode() ? attach(lost) : startOwn(lost);
        synchronized (lock) {
          if (closed) {
            connected.close();
            break;
          }
          channel = connected;
          channelLost = lost;
          lock.notifyAll();
        }
        setAvailable(true);
        readRegistration(connected);
        lost.await();
      } catch (IOException e) {
        LOG.warn("baresip is not available: {}", e.getMessage());
      } catch (InterruptedException e) {
        break;
      }
      channelEnded();
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

  private ControlChannel.Listener listener(CountDownLatch lost) {
    return new ControlChannel.Listener() {
      @Override
      public void onEvent(Map<String, Object> event) {
        tracker.onEvent(event, available());
      }

      @Override
      public void onDisconnected(ControlChannel gone, String why) {
        LOG.info("baresip control channel ended: {}", why);
        lost.countDown();
      }
    };
  }

  /** Attach mode: the user's own baresip on ctrl_tcp; reconnected, never started or ended. */
  private ControlChannel attach(CountDownLatch lost) throws IOException {
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.ctrlPort());
    try {
      ControlChannel attached = CtrlClient.connect(address, 500, listener(lost));
      LOG.info("attached to the baresip answering on {}", describe());
      return attached;
    } catch (IOException e) {
      throw new IOException("no baresip answers on " + describe(), e);
    }
  }

  /** Starts our own baresip and waits for its authenticated control session. */
  private ControlChannel startOwn(CountDownLatch lost) throws IOException {
    if (executable == null) {
      throw new IOException("baresip is not installed (not on PATH and no baresip.path set)");
    }
    MqttBroker endpoint;
    synchronized (lock) {
      if (broker == null) {
        broker = MqttBroker.open();
      }
      endpoint = broker;
    }
    MqttBroker.Expected expected = endpoint.expect(listener(lost));
    ConfigDirCleaner.remove(configDir);
    ConfigDirWriter.write(
        configDir,
        settings,
        BaresipLocator.moduleDir(executable),
        new ConfigDirWriter.Control(endpoint.port(), expected.password()));
    BaresipProcess started = BaresipProcess.start(executable, configDir, output);
    synchronized (lock) {
      process = started;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (true) {
      if (!started.isAlive()) {
        throw new IOException("baresip exited at start; see " + output.file());
      }
      try {
        MqttSession session = expected.await(POLL_MILLIS * 5);
        // A process that ends is a lost channel too, even if baresip never closed its session.
        started.onExit(lost::countDown);
        return session;
      } catch (IOException e) {
        if (closed) {
          throw new IOException("closed before baresip opened its control session", e);
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "baresip did not open its control session; see " + output.file(), e);
        }
      }
    }
  }

  /**
   * Asks baresip for a registration it may have reported before this channel existed, and reports
   * what is known once more: the availability event just sent said "unknown".
   */
  private void readRegistration(ControlChannel ctrl) {
    Registration read = null;
    try {
      ControlChannel.Response response = ctrl.command("reginfo", null, COMMAND_TIMEOUT_MILLIS);
      read = response.ok() ? RegInfo.parse(response.data(), System.currentTimeMillis()) : null;
    } catch (IOException e) {
      LOG.debug("reginfo failed: {}", e.getMessage());
    }
    tracker.reportRegistration(read, true, available());
  }

  /** The channel is gone: the call ended with it, baresip is unavailable, our process ended. */
  private void channelEnded() {
    synchronized (lock) {
      if (channel != null) {
        channel.close();
      }
      channel = null;
      channelLost = null;
    }
    tracker.channelLost(BaresipSoftphone.STOPPED_REASON);
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
    LOG.info("baresip available: {}", available);
    try {
      tracker.listener().onAvailability(BaresipSoftphone.KIND, available);
    } catch (RuntimeException e) {
      LOG.error("the availability listener failed", e);
    }
  }

  /**
   * Ends the supervisor. Its own thread ends our baresip: that thread started it, and its end would
   * send baresip a second SIGTERM (the parent-death signal) on top of ours.
   */
  void close() {
    CountDownLatch lost;
    Thread started;
    MqttBroker endpoint;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lost = channelLost;
      started = thread;
      endpoint = broker;
      lock.notifyAll();
    }
    if (started == null) {
      return; // never started: no process, channel or folder
    }
    started.interrupt();
    if (lost != null) {
      lost.countDown();
    }
    synchronized (lock) {
      if (channel != null) {
        channel.close();
      }
    }
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_MILLIS);
    while (started.isAlive() && started != Thread.currentThread()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        break;
      }
      try {
        started.join(left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    stopProcess(); // only when the supervisor thread could not: then it is the last resort
    if (endpoint != null) {
      endpoint.close();
    }
    output.close();
    ConfigDirCleaner.remove(configDir);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
