package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 5: a host killed with SIGKILL must not leave its baresip in the call, and the
 * next host cleans up what a dead one left (its baresip, its folder with the password).
 */
class BaresipHostDeathTest extends LoopbackRigTest {
  @Test
  void aKilledHostsBaresipHangsUpAndExits() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));
    host.request("dial", Map.of("target", rig.sippUri()));
    host.awaitCall("connected");
    ProcessHandle baresip = LoopbackRig.baresipChild(host).orElseThrow();

    ProcessHandle.of(host.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no hook runs

    assertThat(baresip.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
    assertThat(far.trace()).contains("BYE sip:");
  }

  @Test
  void theNextHostEndsTheBaresipAndRemovesTheFolderADeadHostLeft() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path left = dir.resolve("run").resolve("baresip-" + gone.pid());
    Files.createDirectories(left);
    int port = rig.sipPort + 5;
    Files.writeString(
        left.resolve("config"),
        String.join(
            "\n",
            "sip_listen\t127.0.0.1:" + port,
            "net_interface\t127.0.0.1",
            "audio_player\taubridge,nullplay",
            "audio_source\tausine,440",
            "module_path\t/usr/lib/baresip/modules",
            "module\tg711.so",
            "module_tmp\taccount.so",
            "module_app\tmenu.so",
            ""));
    Files.writeString(
        left.resolve("accounts"), "<sip:alice@127.0.0.1>;auth_pass=s3cret;regint=0\n");
    Files.writeString(left.resolve("contacts"), "");
    Process orphan =
        new ProcessBuilder("baresip", "-f", left.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("orphan.log").toFile())
            .start();
    try {
      Thread.sleep(500);
      assertThat(orphan.isAlive()).as("the leftover baresip runs").isTrue();

      HostProcess host = rig.startReadyHost();

      assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("leftover baresip ended").isTrue();
      assertThat(left).as("the dead host's folder with its password").doesNotExist();
      assertThat(dir.resolve("run").resolve("baresip-" + host.pid())).isDirectory();
    } finally {
      orphan.destroyForcibly();
    }
  }
}
