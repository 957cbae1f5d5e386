package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A baresip process the host started and owns. Its output goes to {@link BaresipOutput} (never to
 * the host's standard output), its standard input is closed, and it is ended by its own pid. On
 * Linux it is started through {@code setpriv --pdeathsig TERM}, so the kernel sends it SIGTERM when
 * the host dies in any way (even SIGKILL) and it hangs up its call (BYE/CANCEL) and exits.
 */
final class BaresipProcess {
  private static final Logger LOG = LoggerFactory.getLogger(BaresipProcess.class);
  private static final long GRACE_MILLIS = 1500;
  private static final List<String> SETPRIV_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin");

  private final Process process;
  private final Thread shutdownHook;

  private BaresipProcess(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "baresip-exit-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts baresip. Must be called on the thread that stays alive as long as this process should
   * (the supervisor): Linux ties the parent-death signal to the thread that started the child.
   */
  static BaresipProcess start(Path executable, Path configDir, BaresipOutput output)
      throws IOException {
    List<String> command = new ArrayList<>();
    Path setpriv = parentDeathWrapper();
    if (setpriv != null) {
      command.addAll(List.of(setpriv.toString(), "--pdeathsig", "TERM", "--"));
    }
    command.addAll(List.of(executable.toString(), "-f", configDir.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    output.pump(process.getInputStream(), process.pid());
    LOG.info(
        "started baresip (pid {}) with {}{}",
        process.pid(),
        configDir,
        setpriv == null ? " (no setpriv: it outlives a killed host)" : "");
    return new BaresipProcess(process);
  }

  /** util-linux's setpriv, which sets the parent-death signal and then runs baresip in place. */
  static Path parentDeathWrapper() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    for (String dir : SETPRIV_DIRS) {
      Path candidate = Path.of(dir, "setpriv");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  long pid() {
    return process.pid();
  }

  void onExit(Runnable action) {
    process.onExit().thenRun(action);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the process: SIGTERM, a short grace period for its BYEs, then SIGKILL. */
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook does the same work
    }
    kill();
  }

  private void kill() {
    end(process.toHandle());
  }

  /** SIGTERM, {@link #GRACE_MILLIS} for its BYEs, then SIGKILL. */
  static void end(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    try {
      handle.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
      try {
        handle.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (Exception ignored) {
        if (ignored instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
    LOG.info("baresip (pid {}) ended: {}", handle.pid(), handle.isAlive() ? "still alive" : "ok");
  }
}
