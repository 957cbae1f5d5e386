package dev.click2call.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How to start a {@link HostProcess}: which program (the packaged jar, or this JVM's class path),
 * in which folder, with which environment and settings. Start one with {@link
 * HostProcess#packagedJar()} or {@link HostProcess#thisClassPath()}.
 */
public final class HostLaunch {
  private final List<String> program;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Path folder;
  private Map<String, ?> settings;
  private Path stderr;
  private Duration replyTimeout = Duration.ofSeconds(10);

  private HostLaunch(List<String> program) {
    this.program = program;
  }

  /** {@code java -jar click2call.jar}, the jar failsafe passes; fails loudly when not built. */
  static HostLaunch packagedJar() {
    Path jar = Path.of(System.getProperty("click2call.jar", "target/click2call.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the packaged jar is missing: " + jar + " (run mvn package)");
    }
    return new HostLaunch(List.of(java(), "-jar", jar.toAbsolutePath().toString()));
  }

  /** {@code java -jar <jar>}: a copy of the packaged jar in a test's own folder. */
  static HostLaunch jar(Path jar) {
    return new HostLaunch(List.of(java(), "-jar", jar.toAbsolutePath().toString()));
  }

  /** The packaged jar failsafe passes (for copying into a test's folder). */
  static Path packagedJarFile() {
    Path jar = Path.of(System.getProperty("click2call.jar", "target/click2call.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the packaged jar is missing: " + jar + " (run mvn package)");
    }
    return jar;
  }

  /** {@code java -cp <this JVM's class path> dev.click2call.Main}, for tests run by surefire. */
  static HostLaunch thisClassPath() {
    // Absolute entries, so the host may run in a folder of its own.
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    return new HostLaunch(List.of(java(), "-cp", classPath, "dev.click2call.Main"));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Gives the host a folder of its own: its working directory, and where its settings ({@code
   * config.json}, {@code system-config.json}), logs ({@code logs}), runtime files ({@code run}) and
   * standard error ({@code host-stderr.txt}) go.
   */
  public HostLaunch isolatedIn(Path folder) {
    this.folder = folder;
    return this;
  }

  /** Environment variables for the host, on top of (and overriding) the folder's. */
  public HostLaunch environment(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  /** The user settings, written to the folder's {@code config.json} when the host starts. */
  public HostLaunch settings(Map<String, ?> settings) {
    this.settings = settings;
    return this;
  }

  /** Where standard error goes (appended); by default the folder's, else this JVM's. */
  public HostLaunch stderrTo(Path file) {
    this.stderr = file;
    return this;
  }

  /** How long {@link HostProcess#request} waits for a reply (10 s unless set). */
  public HostLaunch replyTimeout(Duration timeout) {
    this.replyTimeout = timeout;
    return this;
  }

  /** Starts the host with the arguments a browser passes (e.g. {@link HostProcess#OWN_ORIGIN}). */
  public HostProcess start(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(program);
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Path stderrFile = stderr;
    if (folder != null) {
      builder.directory(folder.toFile());
      Map<String, String> env = builder.environment();
      env.put("CLICK2CALL_CONFIG", folder.resolve("config.json").toString());
      env.put("CLICK2CALL_SYSTEM_CONFIG", folder.resolve("system-config.json").toString());
      env.put("CLICK2CALL_LOG_DIR", folder.resolve("logs").toString());
      env.put("CLICK2CALL_RUNTIME_DIR", folder.resolve("run").toString());
      if (stderrFile == null) {
        stderrFile = folder.resolve("host-stderr.txt");
      }
    }
    if (settings != null) {
      if (folder == null) {
        throw new IllegalStateException("settings need a folder: call isolatedIn first");
      }
      Files.write(folder.resolve("config.json"), JSON.std.asBytes(settings));
    }
    builder.environment().putAll(environment);
    builder.redirectError(
        stderrFile != null ? Redirect.appendTo(stderrFile.toFile()) : Redirect.INHERIT);
    return new HostProcess(builder.start(), replyTimeout);
  }
}
