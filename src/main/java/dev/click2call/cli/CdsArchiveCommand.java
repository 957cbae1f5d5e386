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
 * {@code click2call cds-archive}: records a class-data-sharing archive of host mode, which the
 * launchers pass to the JVM so that the browser's host starts faster. The archive is only valid for
 * this jar at this path and this Java runtime; launchers ignore a stale one.
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
    List<String> command = new ArrayList<>(SelftestCommand.ownJavaCommand());
    // The launchers' own JVM options, then the recording (its warnings are noise here).
    command.addAll(1, JvmOptions.withoutArchive());
    command.add(1, "-XX:ArchiveClassesAtExit=" + archive);
    command.add(2, "-Xlog:all=error:stderr");
    // Started as a browser starts it, so the archive holds what the browser's launch loads.
    command.add(ExtensionIds.bundled().chromiumOrigins().get(0));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(scratch.resolve("stderr.txt").toFile());
    builder.environment().put("CLICK2CALL_SOFTPHONE", "none");
    builder.environment().put("CLICK2CALL_LOG_DIR", scratch.toString());
    builder.environment().put("CLICK2CALL_CONFIG", scratch.resolve("none.json").toString());
    builder.environment().put("CLICK2CALL_SYSTEM_CONFIG", scratch.resolve("none.json").toString());
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
