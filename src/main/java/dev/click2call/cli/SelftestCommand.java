package dev.click2call.cli;

import dev.click2call.host.ExtensionIds;
import dev.click2call.install.HostPing;
import dev.click2call.install.LauncherScripts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code click2call selftest}: starts the host as a browser would and says hello through it. */
@Command(
    name = "selftest",
    description = "Start the host like a browser does, send a framed hello and show the reply.")
public final class SelftestCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

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
    command.addAll(HostPing.chromiumArgs(origin));
    // The host's stderr is the user's terminal here; stdout stays ours.
    HostPing.Result result = HostPing.ping(command, TIMEOUT, true);
    if (!result.ok()) {
      throw new CommandFailure(ExitCodes.FAILURE, result.problem());
    }
    out.printf("host answered hello in %d ms%n", result.millis());
    out.printf("protocol: %s%n", result.reply().get("protocol"));
    out.printf("host: %s%n", result.reply().get("host"));
    out.printf("softphone: %s%n", result.reply().get("softphone"));
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The command that runs this very jar (or these classes) with the same Java, in the launchers'
   * form: {@code java -cp <jar> dev.click2call.Main}.
   */
  public static List<String> ownJavaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        InstallOptions.ownJar()
            .map(Path::toString)
            .orElseGet(() -> System.getProperty("java.class.path"));
    return List.of(java, "-cp", classPath, LauncherScripts.MAIN_CLASS);
  }
}
