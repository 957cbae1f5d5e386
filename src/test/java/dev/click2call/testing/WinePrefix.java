package dev.click2call.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A Wine prefix of one test class under {@code target/wine/<name>}, created once per run ({@code
 * wineboot --init}, some seconds) and reused by the class's tests; {@link #close} ends its
 * wineserver. Programs run headless: {@code wine} alone, or under {@code xvfb-run -a} when they
 * need a display (windows). When {@code wine} is missing the tests are skipped with a loud message
 * (CI installs it, so CI runs them); everything else that is missing fails.
 */
public final class WinePrefix implements AutoCloseable {
  /** What a program run returned. */
  public record Result(int exitCode, byte[] stdout, String stderr) {
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private final Path prefix;

  private WinePrefix(Path prefix) {
    this.prefix = prefix;
  }

  /** The prefix for this name, made fresh for this run. Skips the caller when wine is missing. */
  public static WinePrefix create(String name) throws Exception {
    if (!onPath("wine")) {
      String message =
          "\n*** WINE IS MISSING: the Windows program tests under Wine are SKIPPED. ***\n"
              + "*** Install the Debian packages wine, wine64, xvfb and xauth to run them. ***\n";
      System.err.println(message);
      Assumptions.abort(message);
    }
    Path prefix = Path.of("target", "wine", name).toAbsolutePath();
    deleteTree(prefix);
    Files.createDirectories(prefix.getParent());
    WinePrefix wine = new WinePrefix(prefix);
    Result boot = wine.run(List.of("wineboot", "--init"), Map.of(), null, false, 180);
    if (boot.exitCode() != 0 || !Files.isDirectory(wine.driveC())) {
      throw new AssertionError("wineboot failed: " + boot.stderr());
    }
    return wine;
  }

  public Path driveC() {
    return prefix.resolve("drive_c");
  }

  /** The Windows path (C:\...) of a file under drive_c. */
  public String windowsPath(Path file) {
    Path relative = driveC().relativize(file.toAbsolutePath());
    return "C:\\" + relative.toString().replace('/', '\\');
  }

  /** The Linux path of a C:\ path. */
  public Path linuxPath(String windowsPath) {
    return driveC().resolve(windowsPath.substring(3).replace('\\', '/'));
  }

  /**
   * Runs {@code wine <args>} (or {@code xvfb-run -a wine <args>} with a display).
   *
   * @param env added to a clean copy of this JVM's environment (JAVA_HOME and DISPLAY removed)
   */
  public Result run(
      List<String> args, Map<String, String> env, byte[] stdin, boolean display, int timeoutSeconds)
      throws Exception {
    List<String> command = new ArrayList<>();
    if (display) {
      command.addAll(List.of("xvfb-run", "-a"));
    }
    command.add("wine");
    command.addAll(args);
    ProcessBuilder builder = winePrefixed(command, env);
    Path err = Files.createTempFile("wine", ".err");
    builder.redirectError(err.toFile());
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process process = builder.start();
    if (stdin != null) {
      try (var in = process.getOutputStream()) {
        in.write(stdin);
      }
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("wine " + args + " did not end in " + timeoutSeconds + " s");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    return new Result(process.exitValue(), out, stderr);
  }

  /** A process in this prefix: no JAVA_HOME or DISPLAY of ours, Wine quiet, no Mono or Gecko. */
  private ProcessBuilder winePrefixed(List<String> command, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.remove("JAVA_HOME");
    environment.remove("DISPLAY");
    environment.put("WINEPREFIX", prefix.toString());
    environment.put("WINEDEBUG", "-all");
    environment.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
    environment.putAll(env);
    return builder;
  }

  /** Runs a shell script under one {@code xvfb-run -a} display (several Wine programs at once). */
  public Result runShell(Path script, Map<String, String> env, int timeoutSeconds)
      throws Exception {
    List<String> command = List.of("xvfb-run", "-a", "sh", script.toString());
    ProcessBuilder builder = winePrefixed(command, env);
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not end in " + timeoutSeconds + " s");
    }
    return new Result(process.exitValue(), out, new String(out, StandardCharsets.UTF_8));
  }

  /** Imports a .reg text (REGEDIT4 syntax) into the prefix's registry. */
  public void importRegistry(String regText) throws Exception {
    Path file = driveC().resolve("import.reg");
    Files.writeString(file, "REGEDIT4\r\n\r\n" + regText.replace("\n", "\r\n"));
    Result result = run(List.of("regedit", "/S", windowsPath(file)), Map.of(), null, false, 60);
    if (result.exitCode() != 0) {
      throw new AssertionError("regedit failed: " + result.stderr());
    }
  }

  @Override
  public void close() throws IOException {
    ProcessBuilder builder = new ProcessBuilder("wineserver", "-k");
    builder.environment().put("WINEPREFIX", prefix.toString());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      builder.start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // wineserver is not on PATH on some installs; it ends by itself shortly after
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
