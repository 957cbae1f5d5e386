package dev.click2call.cli;

import dev.click2call.ipc.HookEndpoints;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.microsip.ChainedHooks;
import dev.click2call.softphone.microsip.HookRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code click2call hook <event> [remote]}: what MicroSIP's hooks run. {@code Main} calls {@link
 * #runFast} directly (no option parsing, nothing else loaded) because MicroSIP waits for it.
 */
@Command(
    name = "hook",
    description =
        "Forward a MicroSIP hook event to the running hosts (MicroSIP runs this; always exits 0).")
public final class HookCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "ARG", description = "event name, then the remote party")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    return runFast(args);
  }

  /** The hook runner with the user's folders. */
  public static int runFast(List<String> args) {
    UserDirs dirs = UserDirs.current();
    return new HookRunner(
            new HookEndpoints(dirs.runtimeDir()), ChainedHooks.beside(dirs.userConfigFile()))
        .run(args);
  }
}
