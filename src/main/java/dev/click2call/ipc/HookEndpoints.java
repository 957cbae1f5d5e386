package dev.click2call.ipc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder where each running host listens for hook events: {@code
 * <runtimeDir>/hosts/<pid>.sock}. Owner-only on POSIX, so only the user's own processes can
 * connect.
 */
public final class HookEndpoints {
  /** Unix-domain socket paths are limited to about 100 bytes on every OS. */
  public static final int MAX_SOCKET_PATH_BYTES = 100;

  private final Path folder;

  public HookEndpoints(Path runtimeDir) {
    this.folder = runtimeDir.resolve("hosts");
  }

  public Path folder() {
    return folder;
  }

  /** The endpoint of the host with this process id. */
  public Path endpointFor(long pid) {
    return folder.resolve(pid + ".sock");
  }

  /** Creates the folder (and its parent) private to the user. */
  public void prepare() throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    for (Path dir : List.of(folder.getParent(), folder)) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
      }
      if (posix) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  /** Every endpoint file present now (live or stale). */
  public List<Path> list() {
    List<Path> endpoints = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return endpoints;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.sock")) {
      entries.forEach(endpoints::add);
    } catch (IOException e) {
      // an unreadable folder has no endpoints we could reach anyway
    }
    return endpoints;
  }
}
