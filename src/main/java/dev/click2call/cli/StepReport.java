package dev.click2call.cli;

import dev.click2call.install.Installer;
import java.io.PrintWriter;
import java.util.List;

/** Prints what {@code install}/{@code uninstall} changed, or would change in a dry run. */
final class StepReport {
  private StepReport() {}

  static void print(PrintWriter out, List<Installer.Outcome> outcomes, boolean dryRun) {
    int changed = 0;
    for (Installer.Outcome outcome : outcomes) {
      String verb;
      if (outcome.changed()) {
        changed++;
        verb = dryRun ? "would " : "done: ";
      } else {
        verb = "already ";
      }
      out.println("  " + verb + outcome.step().describe());
    }
    out.printf(
        "%s%d change%s%s.%n",
        dryRun ? "Dry run: " : "",
        changed,
        changed == 1 ? "" : "s",
        dryRun ? " would be made" : " made");
    out.flush();
  }
}
