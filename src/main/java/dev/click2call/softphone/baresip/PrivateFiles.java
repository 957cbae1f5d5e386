package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates folders (0700) and files (0600) that only the user can read, with those permissions from
 * the moment they exist — never created open and narrowed afterwards — and never through a link.
 */
final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  /** Creates the missing folders of {@code dir} as 0700; existing folders keep their mode. */
  static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, dirAttributes());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
    }
  }

  /** Writes a new file with mode 0600; fails if anything (a file, a link) is already there. */
  static void writeNew(Path file, String text) throws IOException {
    try (OutputStream out =
        Files.newOutputStream(Files.createFile(file, fileAttributes()), StandardOpenOption.WRITE)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Opens a file for appending, creating it as 0600; refuses a link in its place. */
  static OutputStream append(Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw new IOException(file + " is a link; remove it");
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createFile(file, fileAttributes());
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // created meanwhile: append to it
      }
    }
    return Files.newOutputStream(
        file, StandardOpenOption.APPEND, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  private static FileAttribute<?>[] dirAttributes() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        }
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] fileAttributes() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }
}
