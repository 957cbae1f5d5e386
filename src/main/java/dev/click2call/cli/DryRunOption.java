package dev.click2call.cli;

import picocli.CommandLine.Option;

/**
 * {@code --dry-run} for the commands that change registrations: {@code install}, {@code uninstall}.
 */
final class DryRunOption {
  @Option(names = "--dry-run", description = "Print what would change; change nothing.")
  boolean dryRun;
}
