package dev.click2call;

import dev.click2call.cli.Click2CallCommand;
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
    System.exit(Click2CallCommand.execute(args));
  }
}
