package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after hosts that died without doing it themselves: for each {@code baresip-<pid>}
 * folder in the runtime folder whose host is gone, ends the baresip still running with that
 * configuration (hanging up its call) and removes the folder with its password file.
 */
final class StaleConfigCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(StaleConfigCleaner.class);
  static final String PREFIX = "baresip-";

  private StaleConfigCleaner() {}

  static void clean(Path runtimeDir, long ownPid) {
    if (!Files.isDirectory(runtimeDir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(runtimeDir, PREFIX + "*")) {
      for (Path dir : entries) {
        long pid = hostPid(dir);
        if (pid <= 0 || pid == ownPid || hostAlive(pid)) {
          continue;
        }
        for (ProcessHandle orphan : baresipUsing(dir)) {
          LOG.info("ending baresip (pid {}) left by a host that died", orphan.pid());
          BaresipProcess.end(orphan);
        }
        ConfigDirCleaner.remove(dir);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not look for leftovers in {}: {}", runtimeDir, e.getMessage());
    }
  }

  private static long hostPid(Path dir) {
    String name = dir.getFileName().toString().substring(PREFIX.length());
    try {
      return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? Long.parseLong(name) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A live process with that pid that is a Java host (a reused pid of something else is not). */
  private static boolean hostAlive(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Optional<String> command = handle.get().info().command();
    return command.isEmpty()
        || command.get().contains("java")
        || command.get().contains("click2call");
  }

  /** Our user's baresip processes started with {@code -f <dir>}. */
  static List<ProcessHandle> baresipUsing(Path dir) {
    String wanted = dir.toString();
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              ProcessHandle.Info info = p.info();
              if (!info.command().map(c -> c.endsWith("/baresip")).orElse(false)) {
                return false;
              }
              List<String> args = info.arguments().map(List::of).orElse(List.of());
              int f = args.indexOf("-f");
              return f >= 0 && f + 1 < args.size() && args.get(f + 1).equals(wanted);
            })
        .toList();
  }
}
