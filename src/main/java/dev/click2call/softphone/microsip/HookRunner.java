package dev.click2call.softphone.microsip;

import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookMessage;
import dev.click2call.ipc.HookSender;
import java.util.List;
import java.util.Map;

/**
 * {@code click2call hook <event> [remote...]}, run by MicroSIP for each hook. MicroSIP waits for it
 * (up to 10 s, on its UI thread), so it only forwards the event to the running hosts, starts the
 * user's own chained command without waiting, and returns. The remote party is attacker-chosen: it
 * is capped, passed on only as data, and never given to a shell.
 */
public final class HookRunner {
  private final HookEndpoints endpoints;
  private final ChainedHooks chained;

  public HookRunner(HookEndpoints endpoints, ChainedHooks chained) {
    this.endpoints = endpoints;
    this.chained = chained;
  }

  /**
   * @param args the event name, then the remote party; MicroSIP's own command-line splitting may
   *     have cut the remote party at spaces, so the rest is joined again
   * @return always 0: a failing hook must never disturb MicroSIP
   */
  public int run(List<String> args) {
    try {
      if (args.isEmpty() || !HookMessage.isEventName(args.get(0))) {
        return 0;
      }
      String event = args.get(0);
      String remote = String.join(" ", args.subList(1, args.size()));
      HookMessage message = new HookMessage(event, remote);
      new HookSender(endpoints).sendToAll(message);
      HookKey.byEvent(event).ifPresent(key -> runChained(key, args.subList(1, args.size())));
    } catch (RuntimeException e) {
      // never fail MicroSIP's hook
    }
    return 0;
  }

  /** The user's previous command for this hook, with the remote party as its last argument. */
  private void runChained(HookKey key, List<String> remoteParts) {
    Map<String, String> previous = chained.read();
    String value = previous.get(key.iniKey());
    if (value == null) {
      return;
    }
    List<String> argv = HookValues.argvFor(value, String.join(" ", remoteParts));
    if (argv.isEmpty()) {
      return;
    }
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
    } catch (java.io.IOException e) {
      // the user's command is broken; ours already ran
    }
  }
}
