package dev.click2call.host;

import dev.click2call.Version;
import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.dialing.DeferredDialingRules;
import dev.click2call.dialing.TargetParser;
import dev.click2call.json.Json;
import dev.click2call.logging.LogSetup;
import dev.click2call.logging.StdoutGuard;
import dev.click2call.platform.UserDirs;
import dev.click2call.protocol.Dispatcher;
import dev.click2call.protocol.FrameWriter;
import dev.click2call.protocol.NativeHost;
import dev.click2call.protocol.handlers.EventPublisher;
import dev.click2call.protocol.handlers.Handlers;
import dev.click2call.softphone.NoSoftphone;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneSelector;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Host mode: guards stdout, checks the caller, wires the softphone and serves the browser. The path
 * to the first reply does no logging and only creates the softphone adapter; the logging backend,
 * then the softphone, start on a background thread after that reply.
 */
public final class HostMode {
  /** Exit status for a caller that is not on the allowlist (stdin is never read). */
  public static final int EXIT_FORBIDDEN_CALLER = 4;

  private static final int WORKER_THREADS = 4;

  /** The logging backend starts after the first reply, or after this long without one. */
  private static final long LOGGING_DELAY_MILLIS = 300;

  private HostMode() {}

  public static int run(Caller caller) {
    StdoutGuard guard = StdoutGuard.install();
    startCodecWarmUp();
    UserDirs dirs = UserDirs.current();
    Settings loaded = Settings.defaults();
    ConfigException settingsProblem = null;
    try {
      loaded = Settings.load(dirs);
    } catch (ConfigException e) {
      settingsProblem = e;
    }
    Settings settings = loaded;
    String envLevel = System.getenv("CLICK2CALL_LOG_LEVEL");
    String level = envLevel != null ? envLevel : settings.logLevel();

    CallerPolicy policy =
        new CallerPolicy(
            ExtensionIds.bundled(), settings.extraChromiumIds(), settings.extraGeckoIds());
    OrganisationIds.Loaded organisation = null;
    if (!policy.allows(caller)) {
      // Another caller: the organisation's ids (allowed-extensions.json beside the jar), read only
      // now, so the project's own extension starts without the extra file read.
      organisation = OrganisationIds.read(OrganisationIds.forThisProcess());
      policy =
          new CallerPolicy(
              ExtensionIds.bundled().plus(organisation.ids()),
              settings.extraChromiumIds(),
              settings.extraGeckoIds());
    }
    if (!policy.allows(caller)) {
      LogSetup.configure(dirs.logDir(), level);
      var log = LoggerFactory.getLogger(HostMode.class);
      if (organisation != null && organisation.problem() != null) {
        log.error("organisation extension ids not used: {}", organisation.problem());
      }
      log.error(
          "refusing caller {}: not on the allowlist (exit {})", caller, EXIT_FORBIDDEN_CALLER);
      return EXIT_FORBIDDEN_CALLER;
    }

    Softphone softphone =
        settingsProblem != null
            ? new NoSoftphone(settingsProblem.getMessage())
            : SoftphoneSelector.select(settings, System.getenv());
    CountDownLatch firstReply = new CountDownLatch(1);
    Dispatcher dispatcher =
        new Dispatcher(
            Handlers.standard(
                softphone, new TargetParser(new DeferredDialingRules(settings)), Version.current()),
            new FrameWriter(new FirstFlushSignal(guard.protocolOut(), firstReply)),
            workers());
    softphone.setListener(new EventPublisher(new EventSink(dispatcher)));
    // Logging, then the softphone (an owned process, connections), start after the first reply.
    Thread logSetup =
        LogSetup.configureInBackground(
            dirs.logDir(),
            level,
            firstReply,
            LOGGING_DELAY_MILLIS,
            new AfterFirstReply(caller, softphone, settingsProblem));
    NativeHost.Outcome outcome = new NativeHost(guard.protocolIn(), dispatcher).run();
    softphone.close();
    firstReply.countDown(); // a host that never replied still logs, without waiting
    awaitLogging(logSetup);
    var log = LoggerFactory.getLogger(HostMode.class);
    if (outcome.problem()) {
      log.error("{} (exit {})", outcome.message(), outcome.exitCode());
    } else {
      log.info("{} (exit {})", outcome.message(), outcome.exitCode());
    }
    if (guard.strayBytes() > 0) {
      log.warn("{} bytes of stray standard output were blocked", guard.strayBytes());
    }
    return outcome.exitCode();
  }

  /** A short-lived host may end before its logging has started; its last words must not be lost. */
  private static void awaitLogging(Thread logSetup) {
    try {
      logSetup.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * jackson-core's first use (its factory, parser and generator classes, buffer recyclers) costs a
   * few milliseconds; a second thread pays them while this one reads the settings and wires up.
   */
  private static void startCodecWarmUp() {
    Thread warmUp = new Thread(new CodecWarmUp(), "json-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  // Named classes rather than lambdas here: the first lambda of a JVM bootstraps the
  // invokedynamic machinery, which costs milliseconds on the way to the first reply.

  private static ExecutorService workers() {
    return new ThreadPoolExecutor(
        WORKER_THREADS,
        WORKER_THREADS,
        30,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<Runnable>(64), // the dispatcher admits fewer (Admission)
        new WorkerThreads());
  }

  /** Daemon worker threads named request-1, request-2, ... */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "request-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  private static final class CodecWarmUp implements Runnable {
    @Override
    public void run() {
      Json.warmUp();
    }
  }

  /** Softphone events go out through the dispatcher's writer. */
  private static final class EventSink implements Consumer<Map<String, ?>> {
    private final Dispatcher dispatcher;

    EventSink(Dispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public void accept(Map<String, ?> message) {
      dispatcher.send(message);
    }
  }

  /**
   * Once logging is ready: starts the softphone (so its first lines reach the log file, and its
   * process or connections never delay the handshake), then writes the host's first log lines.
   */
  private static final class AfterFirstReply implements Runnable {
    private final Caller caller;
    private final Softphone softphone;
    private final ConfigException problem;

    AfterFirstReply(Caller caller, Softphone softphone, ConfigException problem) {
      this.caller = caller;
      this.softphone = softphone;
      this.problem = problem;
    }

    @Override
    public void run() {
      softphone.start();
      var log = LoggerFactory.getLogger(HostMode.class);
      log.info(
          "click2call {} host started for {} (pid {}); softphone {} (available: {})",
          Version.current(),
          caller,
          ProcessHandle.current().pid(),
          softphone.kind(),
          softphone.available());
      if (problem != null) {
        log.error("{}; using defaults and no softphone", problem.getMessage());
      }
    }
  }
}
