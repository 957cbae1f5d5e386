package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A baresip process the host started and owns. Its output goes to a log file (never to the host's
 * standard output), its standard input is closed, and it is ended by its own pid.
 */
final class BaresipProcess {
  private static final Logger LOG = LoggerFactory.getLogger(BaresipProcess.class);
  private static final long GRACE_MILLIS = 1500;

  private final Process process;
  private final Thread shutdownHook;

  private BaresipProcess(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "baresip-exit-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static BaresipProcess start(Path executable, Path configDir, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(List.of(executable.toString(), "-f", configDir.toString()))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    LOG.info("started baresip (pid {}) with {}", process.pid(), configDir);
    return new BaresipProcess(process);
  }

  long pid() {
    return process.pid();
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
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    LOG.info("baresip (pid {}) ended: {}", process.pid(), process.isAlive() ? "still alive" : "ok");
  }
}
