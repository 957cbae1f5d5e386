package dev.click2call;

import dev.click2call.cli.Click2CallCommand;
import dev.click2call.cli.HookCommand;
import dev.click2call.host.Caller;
import dev.click2call.host.HostMode;

/**
 * Entry point. A browser's launch goes straight to host mode (no CLI parsing, for start-up time);
 * everything else is a {@code click2call} command.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (Caller.isBrowserLaunch(args)) {
      Caller caller = Caller.fromLaunchArgs(args);
      System.exit(HostMode.run(caller));
    }
    if (args.length > 0 && args[0].equals("hook")) {
      // MicroSIP waits for its hooks: skip the CLI parser and everything else.
      System.exit(HookCommand.runFast(java.util.Arrays.asList(args).subList(1, args.length)));
    }
    System.exit(Click2CallCommand.execute(args));
  }
}
