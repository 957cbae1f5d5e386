package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A baresip process the host started and owns. Its output goes to {@link BaresipOutput} (never to
 * the host's standard output), its standard input is closed, and it is ended by its own pid. On
 * Linux it runs under a one-thread keeper ({@link ParentDeathLaunch}), so the kernel sends it
 * exactly one SIGTERM when the host dies in any way (even SIGKILL) and it hangs up its call
 * (BYE/CANCEL) and exits.
 */
final class BaresipProcess {
  private static final Logger LOG = LoggerFactory.getLogger(BaresipProcess.class);
  static final long GRACE_MILLIS = 2000;
  private static final long FORK_WAIT_MILLIS = 2000;

  private final Process process; // baresip itself, or the keeper that runs it
  private final ProcessHandle baresip; // null when the keeper did not start it in time
  private final Thread shutdownHook;
  private final AtomicBoolean signalled = new AtomicBoolean();

  private BaresipProcess(Process process, ProcessHandle baresip) {
    this.process = process;
    this.baresip = baresip;
    this.shutdownHook = new Thread(this::kill, "baresip-exit-" + pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts baresip. Must be called on the thread that stays alive until this process has ended (the
   * supervisor): Linux sends the parent-death signal when the thread that started the child ends,
   * and one more SIGTERM while baresip ends its calls makes it exit at once.
   */
  static BaresipProcess start(Path executable, Path configDir, BaresipOutput output)
      throws IOException {
    ParentDeathLaunch launch = ParentDeathLaunch.of(executable, configDir);
    Process process =
        new ProcessBuilder(launch.command())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    ProcessHandle baresip = launch.kept() ? keptChild(process) : process.toHandle();
    BaresipProcess started = new BaresipProcess(process, baresip);
    output.pump(process.getInputStream(), started.pid());
    LOG.info(
        "started baresip (pid {}) with {}{}",
        started.pid(),
        configDir,
        launch.kept() ? "" : " (not under a keeper: it outlives a killed host)");
    return started;
  }

  /** The keeper's child once it has started it (a shell forks at once). */
  private static ProcessHandle keptChild(Process keeper) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FORK_WAIT_MILLIS);
    while (System.nanoTime() < deadline && keeper.isAlive()) {
      Optional<ProcessHandle> child = keeper.toHandle().children().findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    LOG.warn("baresip's keeper (pid {}) did not start it in time", keeper.pid());
    return null;
  }

  /** baresip's pid (the keeper's while baresip is not known). */
  long pid() {
    return baresip != null ? baresip.pid() : process.pid();
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
    if (!signalled.compareAndSet(false, true)) {
      awaitExit(process.toHandle(), 2 * GRACE_MILLIS + 1000);
      return;
    }
    if (baresip != null) {
      end(baresip);
    }
    // The keeper exits once baresip has; one that never started it is ended here (a baresip it
    // starts after all gets its one SIGTERM from the keeper's death).
    if (!awaitExit(process.toHandle(), 1000)) {
      process.destroyForcibly();
      awaitExit(process.toHandle(), 1000);
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
