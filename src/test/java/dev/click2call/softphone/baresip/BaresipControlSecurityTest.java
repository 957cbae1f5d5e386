package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, findings 1–3: other local users (a real second uid, {@code nobody}) and web pages
 * against the control channel of the host's baresip. Each test performs the attack.
 */
class BaresipControlSecurityTest extends LoopbackRigTest {

  /** Every TCP port the host and its baresip listen on, and the configured ctrl_tcp port. */
  private Set<Integer> attackablePorts(HostProcess host) throws Exception {
    List<Long> pids = new ArrayList<>();
    pids.add(host.pid());
    LoopbackRig.baresipChildren(host).forEach(p -> pids.add(p.pid()));
    Set<Integer> ports = new TreeSet<>(ListeningPorts.of(pids));
    ports.add(rig.ctrlPort);
    return ports;
  }

  @Test
  void anotherLocalUserCannotMakeTheUsersBaresipDial() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));
    far.awaitListening(5000);
    Set<Integer> ports = attackablePorts(host);
    assertThat(ports).isNotEmpty();
    for (int port : ports) {
      for (String mode : List.of("ctrl-dial", "mqtt-dial")) {
        Map.Entry<Integer, String> result =
            LocalAttacker.run(10_000, mode, String.valueOf(port), rig.sippUri());
        // The attacker really ran as the other user: it connected or was refused.
        assertThat(result.getValue()).containsAnyOf("connected to", "refused:");
      }
    }
    Thread.sleep(1000);
    assertThat(far.trace()).as("INVITEs the far end received").doesNotContain("INVITE sip:");
    assertThat(host.transcript().toString()).doesNotContain("dialing", "ringing");
    assertThat(host.request("status").get("call")).isNull();
  }

  @Test
  void aBrowserRequestToAnyPortNeitherEndsTheCallNorRestartsBaresip() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));
    host.request("dial", Map.of("target", rig.sippUri()));
    host.awaitCall("connected");
    ProcessHandle baresip = LoopbackRig.baresipChild(host).orElseThrow();
    int before = host.transcript().size();

    for (int port : attackablePorts(host)) {
      // What a web page's fetch('http://127.0.0.1:<port>/', {method: 'POST', mode: 'no-cors'})
      // sends, from a process of another user.
      LocalAttacker.run(10_000, "http", String.valueOf(port));
    }
    Thread.sleep(1500);
    List<Map<String, Object>> transcript = host.transcript();
    assertThat(transcript.subList(before, transcript.size()).toString())
        .doesNotContain("state=ended", "available=false");
    assertThat(host.request("status").get("call").toString()).contains("state=connected");
    assertThat(baresip.isAlive()).isTrue();
    assertThat(LoopbackRig.baresipChild(host).orElseThrow().pid()).isEqualTo(baresip.pid());

    assertThat(host.request("hangup")).containsEntry("ok", true);
    assertThat(host.awaitCall("ended")).containsEntry("reason", "Connection reset by user");
    assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
  }

  @Test
  void modeAutoStartsItsOwnBaresipInsteadOfTrustingWhateverListens() throws Exception {
    // A folder the other user can write to (the test's own folder is root's only).
    Path shared = Files.createTempDirectory("c2c-attacker");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path record = shared.resolve("attacker.txt");
    Process attacker =
        LocalAttacker.start("listen-ctrl", String.valueOf(rig.ctrlPort), record.toString());
    try {
      String first =
          new java.io.BufferedReader(new java.io.InputStreamReader(attacker.getInputStream()))
              .readLine();
      assertThat(first).startsWith("listening");
      Map<String, Object> section = rig.baresipSection();
      section.put("mode", "auto");
      HostProcess host =
          rig.startHost(Map.of("softphone", "baresip", "baresip", section), Map.of());
      LoopbackRig.awaitAvailable(host);
      Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));
      host.request("dial", Map.of("target", rig.sippUri()));
      host.awaitCall("connected");

      assertThat(record).as("the attacker's listener got no connection").doesNotExist();
      assertThat(attacker.isAlive()).as("the attacker still listens").isTrue();
      assertThat(host.transcript().toString()).doesNotContain("it-helpdesk", "incoming");
      assertThat(far.trace()).contains("INVITE " + rig.sippUri());
      assertThat(LoopbackRig.baresipChild(host)).isPresent();
      host.request("hangup");
      host.awaitCall("ended");
    } finally {
      attacker.destroyForcibly();
      Files.deleteIfExists(record);
      Files.deleteIfExists(shared);
    }
  }
}
