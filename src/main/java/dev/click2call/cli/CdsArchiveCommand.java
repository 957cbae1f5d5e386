package dev.click2call.cli;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.JvmOptions;
import dev.click2call.protocol.FrameWriter;
import dev.click2call.protocol.Json;
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
 * {@code click2call cds-archive}: records a class-data-sharing archive of host mode and of the hook
 * runner ({@link CdsTraining}), which the launchers pass to the JVM so that the browser's host and
 * MicroSIP's hooks start faster. The archive is only valid for this jar at this path and this Java
 * runtime; launchers ignore a stale one.
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
   * Records the archive by running this jar once as a browser would start it, with the requests of
   * a typical session.
   *
   * @throws CommandFailure when the archive could not be recorded
   */
  static void record(Path archive) throws IOException, InterruptedException {
    Files.createDirectories(archive.getParent());
    Files.deleteIfExists(archive);
    Path scratch = Files.createTempDirectory("click2call-cds");
    List<String> own = SelftestCommand.ownJavaCommand();
    List<String> command = new ArrayList<>();
    command.add(own.get(0));
    // The launchers' own JVM options, then the recording (its warnings are noise here).
    command.addAll(JvmOptions.withoutArchive());
    command.add("-XX:ArchiveClassesAtExit=" + archive);
    command.add("-Xlog:all=error:stderr");
    // The same class path as every launch (-jar sets exactly the jar), with a main that runs the
    // hook runner's path first and then host mode as a browser starts it: one archive for both.
    command.add("-cp");
    command.add(own.get(2)); // [java, -jar, jar] or [java, -cp, classpath, main]
    command.add(CdsTraining.class.getName());
    command.add(ExtensionIds.bundled().chromiumOrigins().get(0));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(scratch.resolve("stderr.txt").toFile());
    builder.environment().put("CLICK2CALL_SOFTPHONE", "none");
    builder.environment().put("CLICK2CALL_LOG_DIR", scratch.toString());
    builder.environment().put("CLICK2CALL_CONFIG", scratch.resolve("none.json").toString());
    builder.environment().put("CLICK2CALL_SYSTEM_CONFIG", scratch.resolve("none.json").toString());
    builder.environment().put("CLICK2CALL_RUNTIME_DIR", scratch.resolve("rt").toString());
    try {
      Process host = builder.start();
      try (OutputStream in = host.getOutputStream()) {
        train(new FrameWriter(in));
      }
      if (!host.waitFor(60, TimeUnit.SECONDS) || host.exitValue() != 0 || !Files.exists(archive)) {
        host.destroyForcibly();
        throw new CommandFailure(
            ExitCodes.FAILURE,
            "could not record the archive "
                + archive
                + ": "
                + Files.readString(scratch.resolve("stderr.txt")).strip());
      }
    } finally {
      deleteTree(scratch);
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
