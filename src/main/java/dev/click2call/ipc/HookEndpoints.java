package dev.click2call.ipc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The folder where each running host listens for hook events: {@code
 * <runtimeDir>/hosts/<pid>.sock}. Owner-only on POSIX, so only the user's own processes can
 * connect.
 */
public final class HookEndpoints {
  /** Unix-domain socket paths are limited to about 100 bytes on every OS. */
  public static final int MAX_SOCKET_PATH_BYTES = 100;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

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

  /**
   * Makes sure the endpoint folder exists and only this user can reach it. Folders the host creates
   * are made owner-only at creation; an existing runtime folder keeps its permissions (it may be a
   * shared folder such as {@code /tmp}); an existing endpoint folder must be a real folder of this
   * user, or it is refused: another user's folder could hand them every caller's number.
   */
  public void prepare() throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!posix) {
      Files.createDirectories(folder); // per-user %LOCALAPPDATA% on Windows
      return;
    }
    createPrivateIfAbsent(folder.getParent());
    createPrivateIfAbsent(folder);
    if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("the hook endpoint folder " + folder + " is not a folder");
    }
    String owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName();
    if (!owner.equals(System.getProperty("user.name"))) {
      throw new IOException(
          "the hook endpoint folder "
              + folder
              + " belongs to "
              + owner
              + ", not to this user; remove it or set CLICK2CALL_RUNTIME_DIR to a folder of your own");
    }
    Set<PosixFilePermission> mode =
        Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
    if (!mode.equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(folder, OWNER_ONLY); // our own folder, made private again
    }
  }

  private static void createPrivateIfAbsent(Path dir) throws IOException {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      // created at the same moment by another host of this user, or by someone else: checked next
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
