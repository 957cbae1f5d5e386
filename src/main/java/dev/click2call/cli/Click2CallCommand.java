package dev.click2call.cli;

import dev.click2call.Version;
import dev.click2call.logging.LogSetup;
import dev.click2call.platform.UserDirs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code click2call} command and its subcommands. */
@Command(
    name = "click2call",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // --help (and --version) on every subcommand too
    versionProvider = Click2CallCommand.VersionProvider.class,
    description = "Click-to-call bridge between a browser extension and a desktop softphone.",
    subcommands = {
      HostCommand.class,
      SelftestCommand.class,
      CallCommands.Dial.class,
      CallCommands.Answer.class,
      CallCommands.Hangup.class,
      StatusCommand.class,
      HookCommand.class,
      MicroSipCommand.class,
      CdsArchiveCommand.class,
      InstallCommand.class,
      UninstallCommand.class,
      DoctorCommand.class
    })
public final class Click2CallCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit status. */
  public static int execute(String... args) {
    // Commands log like the host does: to the log file, warnings also to stderr, never stdout.
    UserDirs dirs = UserDirs.current();
    String level = System.getenv("CLICK2CALL_LOG_LEVEL");
    LogSetup.configure(dirs.logDir(), level != null ? level : "info");
    CommandLine commandLine = new CommandLine(new Click2CallCommand());
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          cmd.getErr().println("click2call: " + exception.getMessage());
          return exception instanceof CommandFailure failure
              ? failure.exitCode()
              : ExitCodes.FAILURE;
        });
    return commandLine.execute(args);
  }

  /** Reads the version from the jar manifest. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"click2call " + Version.current()};
    }
  }
}
