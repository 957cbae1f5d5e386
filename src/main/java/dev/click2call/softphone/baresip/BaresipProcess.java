package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
  static final long GRACE_MILLIS = 2000;
  private static final List<String> SETPRIV_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin");

  private final Process process;
  private final Thread shutdownHook;
  private final AtomicBoolean signalled = new AtomicBoolean();

  private BaresipProcess(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "baresip-exit-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts baresip. Must be called on the thread that stays alive until this process has ended (the
   * supervisor): Linux sends the parent-death signal when the thread that started the child ends,
   * and again for each thread it is handed to after that. One more SIGTERM while baresip ends its
   * calls makes it exit at once.
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

  /**
   * Ends the process: SIGTERM, a grace period for its BYEs and CANCELs, then SIGKILL. Only the
   * first caller signals: baresip takes a second SIGTERM as "exit now", before a CANCEL it still
   * waits to send (a caller may cancel only once the far end has answered with a provisional
   * response). Later callers wait for the same exit.
   */
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook does the same work
    }
    kill();
  }

  private void kill() {
    if (signalled.compareAndSet(false, true)) {
      end(process.toHandle());
    } else {
      awaitExit(process.toHandle(), 2 * GRACE_MILLIS);
    }
  }

  /**
   * SIGTERM, {@link #GRACE_MILLIS} for its BYEs, then SIGKILL. An interrupt does not cut the grace
   * short (the host is closing when it comes); it is kept for the caller.
   */
  static void end(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    if (!awaitExit(handle, GRACE_MILLIS)) {
      handle.destroyForcibly();
      awaitExit(handle, GRACE_MILLIS);
    }
    LOG.info("baresip (pid {}) ended: {}", handle.pid(), handle.isAlive() ? "still alive" : "ok");
  }

  /** Waits for the process to end, not cut short by an interrupt; true when it ended. */
  private static boolean awaitExit(ProcessHandle handle, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    boolean interrupted = false;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (!handle.isAlive()) {
          return true;
        }
        if (left <= 0) {
          return false;
        }
        try {
          handle.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
          // checked again at the top
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
