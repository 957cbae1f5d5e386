package dev.click2call.cli;

import dev.click2call.install.Installer;
import java.io.PrintWriter;
import java.util.List;

/** Prints what {@code install}/{@code uninstall} changed, or would change in a dry run. */
final class StepReport {
  private StepReport() {}

  static void print(PrintWriter out, List<Installer.Outcome> outcomes, boolean dryRun) {
    print(out, outcomes, dryRun, true);
  }

  /**
   * @param showUnchanged whether steps already done are listed (uninstall checks every possible
   *     location; listing the absent ones would bury the few it removed)
   */
  static void print(
      PrintWriter out, List<Installer.Outcome> outcomes, boolean dryRun, boolean showUnchanged) {
    int changed = 0;
    for (Installer.Outcome outcome : outcomes) {
      String verb;
      if (outcome.changed()) {
        changed++;
        verb = dryRun ? "would " : "done: ";
      } else if (showUnchanged) {
        verb = "already ";
      } else {
        continue;
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
