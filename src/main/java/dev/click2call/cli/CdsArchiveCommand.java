package dev.click2call.cli;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.JvmOptions;
import dev.click2call.install.LauncherScripts;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.json.Json;
import dev.click2call.protocol.FrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code click2call cds-archive}: records a class-data-sharing archive of host mode, of the
 * softphone adapter chosen here ({@code CLICK2CALL_SOFTPHONE}, else auto) and, with MicroSIP, of
 * the hook runner ({@link CdsTraining}), which the launchers pass to the JVM so that the browser's
 * host and MicroSIP's hooks start faster. The archive is only valid for this jar at this path and
 * this Java runtime; launchers ignore a stale one.
 */
@Command(
    name = "cds-archive",
    description = "Record a class-data-sharing archive of host mode for faster start-up.")
public final class CdsArchiveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--output", required = true, description = "The archive file to write.")
  Path output;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path archive = output.toAbsolutePath();
    record(archive);
    spec.commandLine().getOut().println("wrote " + archive);
    return ExitCodes.OK;
  }

  /**
   * Records the archive: runs this jar once as a browser would start it, with the requests of a
   * typical session, listing the classes it loads; then dumps a static archive of exactly those
   * classes. One static archive (rather than a dynamic one on top of the JDK's default archive)
   * maps less memory and starts the host sooner.
   *
   * @throws CommandFailure when the archive could not be recorded
   */
  static void record(Path archive) throws IOException, InterruptedException {
    Files.createDirectories(archive.getParent());
    Files.deleteIfExists(archive);
    Path scratch = Files.createTempDirectory("click2call-cds");
    try {
      Path classList = scratch.resolve("classes.lst");
      List<String> own = SelftestCommand.ownJavaCommand();
      // The same class path as every launch: [java, -cp, jar, main].
      String classPath = own.get(2);

      // 1. The training run (CdsTraining), with the launchers' own JVM options.
      List<String> training = javaWithLauncherOptions(own.get(0));
      training.add("-XX:DumpLoadedClassList=" + classList);
      // The adapter a launch here would use: the user's CLICK2CALL_SOFTPHONE, else auto.
      training.add(
          "-D"
              + CdsTraining.SOFTPHONE_PROPERTY
              + "="
              + System.getenv().getOrDefault("CLICK2CALL_SOFTPHONE", "auto"));
      training.addAll(
          List.of(
              "-cp",
              classPath,
              CdsTraining.class.getName(),
              ExtensionIds.bundled().chromiumOrigins().get(0)));
      ProcessBuilder builder =
          new ProcessBuilder(training)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(scratch.resolve("stderr.txt").toFile());
      builder.environment().put("CLICK2CALL_SOFTPHONE", "none");
      builder.environment().put("CLICK2CALL_LOG_DIR", scratch.toString());
      builder.environment().put("CLICK2CALL_CONFIG", scratch.resolve("none.json").toString());
      builder
          .environment()
          .put("CLICK2CALL_SYSTEM_CONFIG", scratch.resolve("none.json").toString());
      builder.environment().put("CLICK2CALL_RUNTIME_DIR", scratch.resolve("rt").toString());
      // The hook runner delivers to a listener here, as to a host in real use: the listening
      // side stays out of the recorded process.
      HookListener hooks =
          HookListener.start(new HookEndpoints(scratch.resolve("rt")), message -> {});
      try {
        Process host = builder.start();
        try (OutputStream in = host.getOutputStream()) {
          train(new FrameWriter(in));
        }
        awaitSuccess(host, classList, archive, scratch);
      } finally {
        hooks.close();
      }

      // 2. The archive of exactly those classes, recorded with the same options.
      List<String> dump = javaWithLauncherOptions(own.get(0));
      dump.addAll(
          List.of(
              "-Xshare:dump",
              "-XX:SharedClassListFile=" + classList,
              "-XX:SharedArchiveFile=" + archive,
              "-cp",
              classPath));
      runToSuccess(dump, archive, scratch);

      // 3. A JVM started as the launchers start it must be able to use it: -Xshare:on fails
      // where -Xshare:auto would silently start without any archive (about 250 ms).
      List<String> check = javaWithLauncherOptions(own.get(0));
      check.addAll(
          List.of(
              "-Xshare:on",
              "-XX:SharedArchiveFile=" + archive,
              "-cp",
              classPath,
              LauncherScripts.MAIN_CLASS,
              "--version"));
      try {
        runToSuccess(check, archive, scratch);
      } catch (CommandFailure e) {
        Files.deleteIfExists(archive);
        throw e;
      }
    } finally {
      deleteTree(scratch);
    }
  }

  /** The launchers' JVM options; recording warnings (about skipped classes) are noise here. */
  private static List<String> javaWithLauncherOptions(String java) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(JvmOptions.withoutArchive());
    command.add("-Xlog:all=error:stderr");
    return command;
  }

  /** Runs a JVM without input; it must succeed and the archive must exist afterwards. */
  private static void runToSuccess(List<String> command, Path archive, Path scratch)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(scratch.resolve("stderr.txt").toFile())
            .start();
    process.getOutputStream().close();
    awaitSuccess(process, archive, archive, scratch);
  }

  private static void awaitSuccess(Process process, Path expected, Path archive, Path scratch)
      throws IOException, InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !Files.exists(expected)) {
      process.destroyForcibly();
      throw new CommandFailure(
          ExitCodes.FAILURE,
          "could not record the archive "
              + archive
              + ": "
              + Files.readString(scratch.resolve("stderr.txt")).strip());
    }
  }

  /** The training run's scratch folder (logs, sockets) is not left behind. */
  private static void deleteTree(Path root) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The requests of a typical session, so their classes land in the archive. */
  private static void train(FrameWriter host) throws IOException {
    host.write(Json.encode(Map.of("type", "hello", "id", "1", "client", Map.of("name", "cds"))));
    host.write(Json.encode(Map.of("type", "status", "id", "2")));
    host.write(Json.encode(Map.of("type", "dial", "id", "3", "target", "+1 (555) 010-4477")));
    host.write(Json.encode(Map.of("type", "dial", "id", "4", "target", "/reset")));
    host.write(Json.encode(Map.of("type", "hangup", "id", "5")));
    host.write(Json.encode(Map.of("type", "nothing", "id", "6")));
    host.write("{oops".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
