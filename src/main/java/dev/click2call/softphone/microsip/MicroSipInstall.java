package dev.click2call.softphone.microsip;

import java.nio.file.Path;
import java.util.List;

/**
 * A located MicroSIP.
 *
 * @param command how to start it (the executable last; more elements for e.g. Wine)
 * @param ini its ini file, or null when it cannot be derived (say {@code microsip.ini})
 * @param source where it was found, for messages
 */
public record MicroSipInstall(List<String> command, Path ini, String source) {
  public MicroSipInstall {
    command = List.copyOf(command);
  }

  /** The executable itself (the last element of the command). */
  public String exe() {
    return command.get(command.size() - 1);
  }
}
