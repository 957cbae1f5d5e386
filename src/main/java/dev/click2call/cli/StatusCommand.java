package dev.click2call.cli;

import dev.click2call.ipc.HookEndpoints;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneSelector;
import dev.click2call.softphone.microsip.HookInstaller;
import dev.click2call.softphone.microsip.MicroSipControl;
import dev.click2call.softphone.microsip.MicroSipIni;
import dev.click2call.softphone.microsip.MicroSipVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code click2call status}: which softphone, whether it runs, and whether hooks feed events. */
@Command(name = "status", description = "Show the softphone, MicroSIP's hooks and running hosts.")
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CliContext context = new CliContext();
    try (Softphone softphone = SoftphoneSelector.select(context.settings, System.getenv())) {
      out.printf("softphone: %s (available: %s)%n", softphone.kind(), softphone.available());
      if ("microsip".equals(softphone.kind())) {
        MicroSipControl control = context.microsipControl();
        out.printf(
            "microsip: %s (%s)%n",
            String.join(" ", control.install().command()), control.install().source());
        out.printf("running: %s%n", control.isRunning());
        out.printf(
            "version: %s%n",
            MicroSipVersion.detect(
                    control.install().ini(), control.install().exe(), control.win32().versions())
                .describe());
        if (control.win32().unavailable() != null) {
          out.printf("windows: %s%n", control.win32().unavailable());
        }
        out.printf(
            "ini: %s%n",
            Optional.ofNullable(control.install().ini())
                .map(Object::toString)
                .orElse("unknown (set microsip.ini)"));
        if (control.install().ini() != null && Files.isRegularFile(control.install().ini())) {
          MicroSipIni ini = MicroSipIni.load(control.install().ini());
          HookInstaller.states(ini)
              .forEach(
                  (key, state) ->
                      out.printf(
                          "hook %s: %s%n",
                          key.iniKey(), state.name().toLowerCase(java.util.Locale.ROOT)));
        }
      }
      out.printf(
          "hosts listening: %d%n", new HookEndpoints(context.dirs.runtimeDir()).list().size());
      out.flush();
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
    }
  }
}
