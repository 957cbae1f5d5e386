package dev.click2call.host;

import dev.click2call.Version;
import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.dialing.DialingSettings;
import dev.click2call.dialing.TargetParser;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Host mode: guards stdout, checks the caller, wires the softphone and serves the browser. */
public final class HostMode {
  /** Exit status for a caller that is not on the allowlist (stdin is never read). */
  public static final int EXIT_FORBIDDEN_CALLER = 4;

  private static final int WORKER_THREADS = 4;

  private HostMode() {}

  public static int run(Caller caller) {
    StdoutGuard guard = StdoutGuard.install();
    UserDirs dirs = UserDirs.current();
    Settings settings = Settings.defaults();
    ConfigException settingsProblem = null;
    try {
      settings = Settings.load(dirs);
    } catch (ConfigException e) {
      settingsProblem = e;
    }
    String level = System.getenv("CLICK2CALL_LOG_LEVEL");
    LogSetup.configure(dirs.logDir(), level != null ? level : settings.logLevel());
    Logger log = LoggerFactory.getLogger(HostMode.class);
    log.info(
        "click2call {} host started for {} (pid {})",
        Version.current(),
        caller,
        ProcessHandle.current().pid());
    if (settingsProblem != null) {
      log.error("{}; using defaults and no softphone", settingsProblem.getMessage());
    }

    CallerPolicy policy =
        new CallerPolicy(
            ExtensionIds.bundled(), settings.extraChromiumIds(), settings.extraGeckoIds());
    if (!policy.allows(caller)) {
      log.error("refusing caller {}: not on the allowlist", caller);
      return EXIT_FORBIDDEN_CALLER;
    }

    Softphone softphone =
        settingsProblem != null
            ? new NoSoftphone(settingsProblem.getMessage())
            : SoftphoneSelector.select(settings, System.getenv());
    log.info("softphone: {} (available: {})", softphone.kind(), softphone.available());
    FrameWriter writer = new FrameWriter(guard.protocolOut());
    Dispatcher dispatcher =
        new Dispatcher(
            Handlers.standard(
                softphone, new TargetParser(DialingSettings.rules(settings)), Version.current()),
            writer,
            workers());
    softphone.setListener(new EventPublisher(dispatcher::send));
    try {
      return new NativeHost(guard.protocolIn(), dispatcher).run();
    } finally {
      softphone.close();
      if (guard.strayBytes() > 0) {
        log.warn("{} bytes of stray standard output were blocked", guard.strayBytes());
      }
    }
  }

  private static ExecutorService workers() {
    AtomicInteger counter = new AtomicInteger();
    return new ThreadPoolExecutor(
        WORKER_THREADS,
        WORKER_THREADS,
        30,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "request-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
