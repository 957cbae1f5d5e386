package dev.click2call.cli;

import dev.click2call.host.Caller;
import dev.click2call.host.HostMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code click2call host}: host mode started by hand, for self-tests and debugging. */
@Command(
    name = "host",
    description =
        "Speak the native-messaging protocol on standard input/output (browsers start this"
            + " mode themselves).")
public final class HostCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return HostMode.run(Caller.LOCAL);
  }
}
