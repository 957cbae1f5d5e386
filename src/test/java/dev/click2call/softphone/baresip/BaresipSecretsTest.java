package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 4: without {@code XDG_RUNTIME_DIR} the configuration folder falls back under
 * the home folder; it and the files holding the password, and baresip's log, are the user's only.
 */
class BaresipSecretsTest extends LoopbackRigTest {
  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void theFallbackFolderTheAccountsFileAndTheLogAreOnlyTheUsers() throws Exception {
    Map<String, Object> section = rig.baresipSection();
    section.put("account", "<sip:alice@127.0.0.1>;auth_pass=s3cret;regint=0");
    Path state = dir.resolve("state");
    HostProcess host =
        rig.startHost(
            Map.of("softphone", "baresip", "baresip", section),
            Map.of(
                "CLICK2CALL_RUNTIME_DIR", "",
                "XDG_RUNTIME_DIR", "",
                "XDG_STATE_HOME", state.toString()));
    LoopbackRig.awaitAvailable(host);

    Path folder = state.resolve("click2call").resolve("baresip-" + host.pid());
    assertThat(mode(state.resolve("click2call"))).isEqualTo("rwx------");
    assertThat(mode(folder)).isEqualTo("rwx------");
    assertThat(Files.readString(folder.resolve("accounts"))).contains("s3cret");
    assertThat(mode(folder.resolve("accounts"))).isEqualTo("rw-------");
    assertThat(mode(folder.resolve("config"))).isEqualTo("rw-------");
    Path log = dir.resolve("logs").resolve("baresip.log");
    assertThat(log).exists();
    assertThat(mode(log)).isEqualTo("rw-------");
  }
}
