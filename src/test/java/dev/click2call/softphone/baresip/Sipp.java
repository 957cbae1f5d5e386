package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A SIPp process on loopback with timeouts, a message trace and its own pid to end it by. */
final class Sipp implements AutoCloseable {
  private final Process process;
  private final Path trace;
  private final Path output;
  private final int port;
  private final Path workDir;

  private Sipp(Process process, Path workDir, Path trace, Path output, int port) {
    this.process = process;
    this.workDir = workDir;
    this.trace = trace;
    this.output = output;
    this.port = port;
  }

  /**
   * Starts SIPp.
   *
   * @param scenario a file under src/test/resources/sipp, or "-sn name" for a built-in one
   * @param port SIPp's own SIP port
   * @param extra further arguments (e.g. the remote address for a UAC)
   */
  static Sipp start(Path workDir, String scenario, int port, List<String> extra)
      throws IOException {
    Path trace = workDir.resolve("sipp-" + port + "-messages.log");
    Path output = workDir.resolve("sipp-" + port + ".out");
    List<String> command = new ArrayList<>(List.of("sipp"));
    if (scenario.startsWith("-sn ")) {
      command.add("-sn");
      command.add(scenario.substring(4));
    } else {
      command.add("-sf");
      command.add(scenarioFile(scenario).toString());
    }
    command.addAll(
        List.of(
            "-i",
            "127.0.0.1",
            "-p",
            String.valueOf(port),
            "-m",
            "1",
            "-mi",
            "127.0.0.1",
            "-mp",
            String.valueOf(port + 2),
            "-nostdin",
            "-trace_msg",
            "-message_file",
            trace.toString(),
            "-timeout",
            "25",
            "-timeout_error"));
    command.addAll(extra);
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    process.getOutputStream().close();
    return new Sipp(process, workDir, trace, output, port);
  }

  static Path scenarioFile(String name) {
    try {
      return Path.of(Sipp.class.getResource("/sipp/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until SIPp's UDP socket on 127.0.0.1 is bound, for a scenario that waits for baresip's
   * first message (a REGISTER sent before that is refused). Reads the kernel's socket table rather
   * than binding a probe, which could take the port from SIPp.
   */
  Sipp awaitListening(long timeoutMillis) throws IOException, InterruptedException {
    String local = String.format(" 0100007F:%04X ", port);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!Files.readString(Path.of("/proc/net/udp")).contains(local)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("SIPp is not listening on UDP port " + port + ": " + output());
      }
      Thread.sleep(20);
    }
    return this;
  }

  /** Waits for SIPp to finish its one call; returns its exit status (0 = the call succeeded). */
  int awaitExit(long timeoutMillis) throws InterruptedException, IOException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "SIPp did not finish in "
              + timeoutMillis
              + " ms.\n--- SIPp's messages:\n"
              + tail(trace(), 6000)
              + "\n--- SIPp's output:\n"
              + tail(output(), 2000)
              + "\n--- baresip.log:\n"
              + tail(read(workDir.resolve("logs").resolve("baresip.log")), 6000)
              + "\n--- host log:\n"
              + tail(read(workDir.resolve("logs").resolve("click2call.0.log")), 8000));
    }
    return process.exitValue();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)";
  }

  private static String tail(String text, int chars) {
    return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
  }

  /** The SIP messages SIPp sent and received. */
  String trace() throws IOException {
    return Files.exists(trace) ? Files.readString(trace) : "";
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(3, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
