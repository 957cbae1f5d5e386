package dev.click2call.cli;

import dev.click2call.host.ExtensionIds;
import dev.click2call.protocol.FrameReader;
import dev.click2call.protocol.FrameWriter;
import dev.click2call.protocol.Json;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code click2call selftest}: starts the host as a browser would and says hello through it. */
@Command(
    name = "selftest",
    description = "Start the host like a browser does, send a framed hello and show the reply.")
public final class SelftestCommand implements Callable<Integer> {
  private static final long TIMEOUT_MILLIS = 10_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--launcher",
      description = "Program to start instead of this jar (e.g. the installed launcher).")
  Path launcher;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    String origin = ExtensionIds.bundled().chromiumOrigins().get(0);
    List<String> command = new ArrayList<>();
    if (launcher != null) {
      command.add(launcher.toAbsolutePath().toString());
    } else {
      command.addAll(ownJavaCommand());
    }
    command.add(origin);
    long start = System.nanoTime();
    Process host =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      FrameWriter writer = new FrameWriter(host.getOutputStream());
      writer.write(
          Json.encode(
              Map.of("type", "hello", "id", "selftest", "client", Map.of("name", "selftest"))));
      Map<String, Object> reply = readReply(host.getInputStream());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (reply == null) {
        throw new CommandFailure(
            ExitCodes.FAILURE, "the host sent no reply (exit " + exitOf(host) + ")");
      }
      if (!Boolean.TRUE.equals(reply.get("ok"))) {
        throw new CommandFailure(ExitCodes.FAILURE, "the host refused hello: " + reply);
      }
      out.printf("host answered hello in %d ms%n", millis);
      out.printf("protocol: %s%n", reply.get("protocol"));
      out.printf("host: %s%n", reply.get("host"));
      out.printf("softphone: %s%n", reply.get("softphone"));
      out.flush();
      host.getOutputStream().close();
      if (!host.waitFor(2, TimeUnit.SECONDS)) {
        throw new CommandFailure(ExitCodes.FAILURE, "the host did not exit after its input closed");
      }
      return ExitCodes.OK;
    } finally {
      host.destroy();
    }
  }

  private static Map<String, Object> readReply(InputStream in) throws IOException {
    FrameReader reader = new FrameReader(in);
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    byte[] frame;
    while (System.currentTimeMillis() < deadline && (frame = reader.next()) != null) {
      Map<String, Object> message = Json.decodeObject(frame);
      if ("reply".equals(message.get("type")) && "selftest".equals(message.get("id"))) {
        return message;
      }
    }
    return null;
  }

  private static String exitOf(Process process) throws InterruptedException {
    return process.waitFor(1, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none";
  }

  /** The command that runs this very jar with the same Java. */
  static List<String> ownJavaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      File jar =
          new File(
              SelftestCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (jar.isFile()) {
        return List.of(java, "-jar", jar.getPath());
      }
      return List.of(java, "-cp", System.getProperty("java.class.path"), "dev.click2call.Main");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
