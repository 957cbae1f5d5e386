package dev.click2call.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a long-lived program the host does not own (a softphone): in its own folder, with no
 * handles of the host, and on Windows outside the browser's job object.
 */
public interface ProcessStarter {
  /**
   * @param pid the new process
   * @param note why the start is weaker than asked (e.g. the job forbids breaking away), or null
   */
  record Started(long pid, String note) {}

  /**
   * @param command the program and its arguments (no shell)
   * @param folder the working directory: the program's own folder, never the host's
   */
  Started start(List<String> command, Path folder) throws IOException;

  /** {@code ProcessBuilder}: output discarded, input closed. Enough where no job kills children. */
  ProcessStarter JDK =
      (command, folder) -> {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (folder != null) {
          builder.directory(folder.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        return new Started(process.pid(), null);
      };
}
