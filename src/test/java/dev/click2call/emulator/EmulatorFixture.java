package dev.click2call.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A temporary folder with an emulated MicroSIP: the {@code microsip} launcher script (what {@code
 * CLICK2CALL_MICROSIP} points at), its ini, journal and sockets; plus a {@code click2call} launcher
 * for hooks that runs the product from its classes. Folder paths stay short (sockets).
 */
public final class EmulatorFixture implements AutoCloseable {
  private final Path dir;
  private final Path exe;
  private final List<ProcessHandle> launched = new ArrayList<>();

  private EmulatorFixture(Path dir) {
    this.dir = dir;
    this.exe = dir.resolve("microsip");
  }

  /** A fresh folder under /tmp with the emulator launcher. */
  public static EmulatorFixture create() throws IOException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "c2c");
    EmulatorFixture fixture = new EmulatorFixture(dir);
    fixture.script(
        fixture.exe,
        "exec "
            + quote(java())
            + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp "
            + quote(classpath())
            + " dev.click2call.emulator.MicroSipEmulator --exe \"$0\" \"$@\"");
    return fixture;
  }

  public Path dir() {
    return dir;
  }

  public Path exe() {
    return exe;
  }

  public Path ini() {
    return dir.resolve("microsip.ini");
  }

  /** Writes the ini as MicroSIP keeps it (UTF-16LE with BOM, CRLF). */
  public void writeIni(String... lines) throws IOException {
    EmulatorIni.write(ini(), List.of(lines));
  }

  public String iniText() throws IOException {
    byte[] bytes = Files.readAllBytes(ini());
    return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
  }

  /**
   * A {@code click2call} launcher (in a folder whose name has a space, to exercise quoting) with
   * the given environment baked in, running the product's classes.
   */
  public Path click2callLauncher(Map<String, String> env) throws IOException {
    Path folder = dir.resolve("my tools");
    Files.createDirectories(folder);
    Path launcher = folder.resolve("click2call");
    StringBuilder body = new StringBuilder();
    env.forEach(
        (k, v) -> body.append("export ").append(k).append('=').append(quote(v)).append('\n'));
    body.append("exec ")
        .append(quote(java()))
        .append(" -Xshare:auto -XX:TieredStopAtLevel=1 -cp ")
        .append(quote(productClasspath()))
        .append(" dev.click2call.Main \"$@\"");
    script(launcher, body.toString());
    return launcher;
  }

  public List<Map<String, Object>> journal() throws IOException {
    return Journal.read(dir.resolve("journal.jsonl"));
  }

  /** Waits until an entry matches; fails with the journal when none does in time. */
  public Map<String, Object> await(Predicate<Map<String, Object>> match, long timeoutMillis)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      for (Map<String, Object> entry : journal()) {
        if (match.test(entry)) {
          return entry;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no matching journal entry; journal: " + journal());
      }
      Thread.sleep(50);
    }
  }

  public static Predicate<Map<String, Object>> kind(String kind) {
    return entry -> kind.equals(entry.get("kind"));
  }

  public String control(String command, String argument) throws IOException {
    return MicroSipEmulatorControl.send(dir, command, argument);
  }

  public boolean running() {
    return Files.exists(dir.resolve("window.sock"));
  }

  /** Waits for the running instance to be up (its window socket bound). */
  public void awaitRunning(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!running() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    if (!running()) {
      throw new AssertionError("the emulator did not start");
    }
  }

  /** Starts the emulator as MicroSIP would be started, and returns its process. */
  public Process launch(String... args) throws IOException {
    Process process = start(args);
    launched.add(process.toHandle());
    return process;
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(Arrays.asList(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("emulator.err").toFile())
            .start();
    process.getOutputStream().close();
    return process;
  }

  /**
   * Every emulator process this folder has seen, by pid: those the fixture launched and those the
   * journal names (instances the product started). A pid is only trusted while its command line
   * still names this emulator, so a reused pid is never touched.
   */
  public List<ProcessHandle> processes() {
    Set<Long> pids = new LinkedHashSet<>();
    launched.forEach(p -> pids.add(p.pid()));
    try {
      for (Map<String, Object> entry : journal()) {
        if (entry.get("pid") instanceof Number pid) {
          pids.add(pid.longValue());
        }
      }
    } catch (IOException e) {
      // no journal: only the launched ones
    }
    String path = exe.toString();
    List<ProcessHandle> alive = new ArrayList<>();
    for (long pid : pids) {
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> Arrays.asList(p.info().arguments().orElse(new String[0])).contains(path))
          .ifPresent(alive::add);
    }
    return alive;
  }

  /**
   * Asks the running instance to quit, ends every remaining emulator process (and the hook runners
   * it waits on) by its own pid, then deletes the folder.
   */
  @Override
  public void close() throws IOException {
    if (running()) {
      try {
        control("quit", null);
      } catch (IOException e) {
        // already gone
      }
    }
    for (ProcessHandle process : processes()) {
      try {
        process.onExit().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // ended below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.onExit().join();
    }
    deleteTree(dir);
  }

  /** Deletes a folder and everything in it (sockets included). */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The product plus test classes plus every dependency, as Maven built them. */
  public static String classpath() {
    return "target/test-classes".replace("target", target().toString()) + ":" + productClasspath();
  }

  /** The product's classes and its dependencies (test jars are harmless on this path). */
  public static String productClasspath() {
    try {
      String deps = Files.readString(target().resolve("test-classpath.txt")).strip();
      return target().resolve("classes") + ":" + deps;
    } catch (IOException e) {
      throw new IllegalStateException(
          "target/test-classpath.txt is missing: run the build through Maven (process-test-classes)",
          e);
    }
  }

  private static Path target() {
    return Path.of("target").toAbsolutePath();
  }

  /** {@code java -cp <product classes> dev.click2call.Main <args>}: the CLI from these classes. */
  public static List<String> cliCommand(String... args) {
    List<String> command =
        new ArrayList<>(List.of(java(), "-cp", productClasspath(), "dev.click2call.Main"));
    command.addAll(List.of(args));
    return command;
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
