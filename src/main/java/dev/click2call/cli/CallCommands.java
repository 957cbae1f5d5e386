package dev.click2call.cli;

import dev.click2call.dialing.DialingSettings;
import dev.click2call.dialing.InvalidTargetException;
import dev.click2call.dialing.TargetParser;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import dev.click2call.softphone.SoftphoneSelector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One-shot call control from a shell or script: {@code dial}, {@code answer}, {@code hangup}. */
final class CallCommands {
  private CallCommands() {}

  /** A softphone operation that may fail. */
  interface Action {
    String run(Softphone softphone) throws SoftphoneException;
  }

  static int perform(CommandSpec spec, Action action) {
    CliContext context = new CliContext();
    try (Softphone softphone = SoftphoneSelector.select(context.settings, System.getenv())) {
      String said = action.run(softphone);
      if (said != null) {
        spec.commandLine().getOut().println(said);
        spec.commandLine().getOut().flush();
      }
      return ExitCodes.OK;
    } catch (SoftphoneException e) {
      throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
    }
  }

  @Command(
      name = "dial",
      description = "Dial a number or sip:/tel:/callto: address; prints what the softphone got.")
  static final class Dial implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "e.g. \"+1 (555) 010-4477\"")
    String target;

    @Override
    public Integer call() {
      CliContext context = new CliContext();
      TargetParser parser = new TargetParser(DialingSettings.rules(context.settings));
      try {
        var parsed = parser.parse(target);
        return perform(spec, softphone -> softphone.dial(parsed));
      } catch (InvalidTargetException e) {
        throw new CommandFailure(ExitCodes.USAGE, "invalid target: " + e.getMessage());
      }
    }
  }

  @Command(name = "answer", description = "Answer the ringing incoming call.")
  static final class Answer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return perform(
          spec,
          softphone -> {
            softphone.answer();
            return null;
          });
    }
  }

  @Command(name = "hangup", description = "Hang up the current call.")
  static final class Hangup implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return perform(
          spec,
          softphone -> {
            softphone.hangup();
            return null;
          });
    }
  }
}
