package dev.click2call.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime folder may be a shared one (CLICK2CALL_RUNTIME_DIR=/tmp-like, mode 1777): the host
 * must not make it private, and must not use an endpoint folder that another user planted there.
 */
class HookEndpointsPermissionsTest {
  @TempDir Path tmp;

  @Test
  void aSharedRuntimeFolderKeepsItsPermissions() throws Exception {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    HookEndpoints endpoints = new HookEndpoints(shared);
    try (HookListener listener = HookListener.start(endpoints, message -> {})) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
          .isEqualTo("rwxrwxrwx");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoints.folder())))
          .isEqualTo("rwx------");
      assertThat(listener.path()).exists();
    }
  }

  @Test
  void aRuntimeFolderTheHostCreatesIsPrivateFromTheStart() throws Exception {
    Path created = tmp.resolve("new").resolve("rt");
    new HookEndpoints(created).prepare();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
        .isEqualTo("rwx------");
  }

  @Test
  void anEndpointFolderOfAnotherUserIsRefused() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown (CI is root)");
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path planted = Files.createDirectory(shared.resolve("hosts"));
    Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
    UserPrincipal nobody =
        planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(planted, nobody);

    assertThatThrownBy(() -> HookListener.start(new HookEndpoints(shared), message -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("belongs to nobody");
    assertThat(planted.toFile().list()).isEmpty();
  }

  @Test
  void aSymbolicLinkInPlaceOfTheEndpointFolderIsRefused() throws Exception {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(shared.resolve("hosts"), elsewhere);
    assertThatThrownBy(() -> HookListener.start(new HookEndpoints(shared), message -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a folder");
    assertThat(elsewhere.toFile().list()).isEmpty();
  }
}
