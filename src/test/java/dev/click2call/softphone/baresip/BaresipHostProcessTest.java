package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host as a child process over real pipes, with the real baresip it starts and a real SIPp on
 * 127.0.0.1. Needs the apt packages baresip-core and sip-tester; fails without them.
 */
class BaresipHostProcessTest extends LoopbackRigTest {
  @Test
  void outgoingCallIsDialedAnsweredAndHungUpFromTheHost() throws Exception {
    HostProcess host = rig.startReadyHost();
    Map<String, Object> hello = host.request("hello");
    @SuppressWarnings("unchecked")
    List<String> capabilities = (List<String>) hello.get("capabilities");
    assertThat(capabilities)
        .contains("dial", "answer", "decline", "hangup", "hold", "dtmf")
        .doesNotContain("transfer");
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));

    Map<String, Object> reply = host.request("dial", Map.of("target", rig.sippUri()));
    assertThat(reply).containsEntry("ok", true).containsEntry("dialed", rig.sippUri());
    Map<String, Object> dialing = host.awaitCall("dialing");
    Map<String, Object> ringing = host.awaitCall("ringing");
    Map<String, Object> connected = host.awaitCall("connected");
    assertThat(dialing).containsEntry("direction", "out").containsEntry("remote", rig.sippUri());
    String callId = (String) ringing.get("callId");
    assertThat(callId).isNotBlank();
    assertThat(connected).containsEntry("callId", callId).containsEntry("onHold", false);

    Map<String, Object> status = host.request("status");
    assertThat(status.get("call").toString()).contains("state=connected", callId);

    assertThat(host.request("hangup")).containsEntry("ok", true);
    Map<String, Object> ended = host.awaitCall("ended");
    assertThat(ended)
        .containsEntry("callId", callId)
        .containsEntry("reason", "Connection reset by user");
    assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
    assertThat(far.trace()).contains("INVITE " + rig.sippUri(), "BYE sip:");
    assertThat(host.request("status").get("call")).isNull();
  }

  @Test
  void holdTogglesWithReInvitesAndDtmfLeavesAsTelephoneEvents() throws Exception {
    HostProcess host = rig.startReadyHost();
    try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Sipp far =
          rig.sipp(
              "uas_answer.xml", List.of("-set", "rtpport", String.valueOf(rtp.getLocalPort())));
      host.request("dial", Map.of("target", rig.sippUri()));
      host.awaitCall("connected");

      assertThat(host.request("dtmf", Map.of("digits", "12#"))).containsEntry("ok", true);
      assertThat(telephoneEvents(rtp, 3)).containsExactly(1, 2, 11);

      assertThat(host.request("hold")).containsEntry("ok", true);
      assertThat(host.awaitCall("connected")).containsEntry("onHold", true);
      assertThat(host.request("hold")).containsEntry("ok", true);
      assertThat(host.awaitCall("connected")).containsEntry("onHold", false);

      host.request("hangup");
      host.awaitCall("ended");
      assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
      String trace = far.trace();
      assertThat(trace.indexOf("a=sendonly")).isPositive();
      assertThat(trace.indexOf("a=sendrecv", trace.indexOf("a=sendonly"))).isPositive();
    }
  }

  /** The RFC 4733 event codes arriving at the far end's RTP port, in order, without repeats. */
  private static List<Integer> telephoneEvents(DatagramSocket rtp, int count) throws Exception {
    rtp.setSoTimeout(5000);
    List<Integer> events = new ArrayList<>();
    byte[] buffer = new byte[2048];
    int last = -1;
    boolean lastEnded = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
    while (events.size() < count && System.nanoTime() < deadline) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        rtp.receive(packet);
      } catch (SocketTimeoutException e) {
        break;
      }
      if (packet.getLength() < 16 || (buffer[1] & 0x7f) != 101) {
        continue;
      }
      int event = buffer[12] & 0xff;
      boolean end = (buffer[13] & 0x80) != 0;
      if (event != last || lastEnded && !end) {
        if (event != last || lastEnded) {
          events.add(event);
        }
      }
      last = event;
      lastEnded = end;
    }
    return events;
  }

  @Test
  void busyFarEndGivesBusyWithItsReasonAndNumbersGoToTheDomain() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.sipp("uas_busy.xml", List.of());
    Map<String, Object> reply = host.request("dial", Map.of("target", "+49 (30) 1234-567"));
    String expected = "sip:+49301234567@127.0.0.1:" + rig.sippPort;
    assertThat(reply).containsEntry("ok", true).containsEntry("dialed", expected);
    host.awaitCall("dialing");
    host.awaitCall("ringing");
    Map<String, Object> busy = host.awaitCall("busy");
    assertThat(busy).containsEntry("reason", "486 Busy Here").containsEntry("direction", "out");
    assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
    assertThat(far.trace()).contains("INVITE " + expected);
  }

  @Test
  void remoteHangUpEndsTheCallWithThePeersReason() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.dialFarEnd(host, "uas_remote_bye.xml", List.of());
    host.awaitCall("connected");
    Map<String, Object> ended = host.awaitCall("ended");
    assertThat(ended).containsEntry("reason", "Connection reset by peer");
    assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
    assertThat(host.request("hangup"))
        .containsEntry("ok", false)
        .extracting("error")
        .asString()
        .contains("no_call");
  }

  @Test
  void incomingCallIsAnsweredThenHungUp() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp caller = rig.callBaresip("uac_wait_bye.xml");
    Map<String, Object> incoming = host.awaitCall("incoming");
    assertThat(incoming).containsEntry("direction", "in");
    assertThat((String) incoming.get("remote")).startsWith("sip:sipp@127.0.0.1");
    assertThat(host.request("answer")).containsEntry("ok", true);
    Map<String, Object> connected = host.awaitCall("connected");
    assertThat(connected.get("callId")).isEqualTo(incoming.get("callId"));
    assertThat(host.request("hangup")).containsEntry("ok", true);
    host.awaitCall("ended");
    assertThat(caller.awaitExit(15_000)).as(caller.output()).isZero();
    assertThat(caller.trace()).contains("SIP/2.0 200 OK", "BYE ").doesNotContain("SIP/2.0 486");
  }

  @Test
  void incomingCallIsDeclinedAndTheCallerHearsBusy() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp caller = rig.callBaresip("uac_wait_bye.xml");
    host.awaitCall("incoming");
    assertThat(host.request("decline")).containsEntry("ok", true);
    assertThat(host.awaitCall("ended").get("direction")).isEqualTo("in");
    assertThat(caller.awaitExit(15_000)).as(caller.output()).isZero();
    assertThat(caller.trace()).contains("SIP/2.0 486").doesNotContain("BYE ");
  }

  @Test
  void requestsWithoutACallAnswerNoCallAlthoughBaresipWouldSayOk() throws Exception {
    HostProcess host = rig.startReadyHost();
    for (String type : List.of("hangup", "answer", "decline", "hold")) {
      assertThat(host.request(type).get("error").toString()).as(type).contains("code=no_call");
    }
    assertThat(host.request("dtmf", Map.of("digits", "1")).get("error").toString())
        .contains("code=no_call");
  }

  @Test
  void aPhoneNumberWithoutADomainIsRefusedBeforeBaresip() throws Exception {
    Map<String, Object> section = new java.util.LinkedHashMap<>(rig.baresipSection());
    section.remove("domain");
    HostProcess host =
        rig.startHost(Map.of("baresip", section), Map.of("CLICK2CALL_SOFTPHONE", "baresip"));
    LoopbackRig.awaitAvailable(host);
    Map<String, Object> reply = host.request("dial", Map.of("target", "+4930123456"));
    assertThat(reply.get("error").toString()).contains("code=invalid_target", "baresip.domain");
    assertThat(host.unmatched()).noneMatch(m -> "call".equals(m.get("event")));
  }

  @Test
  void callEventsKeepTheirOrderWhateverOrderBaresipRepliesIn() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));
    String dialId = host.send("dial", Map.of("target", rig.sippUri()));
    host.awaitCall("connected");
    String hangupId = host.send("hangup", Map.of());
    host.awaitCall("ended");
    host.await(m -> dialId.equals(m.get("id")), 5000, "dial reply");
    host.await(m -> hangupId.equals(m.get("id")), 5000, "hangup reply");
    far.awaitExit(15_000);
    List<Map<String, Object>> transcript = host.transcript();
    List<Object> states =
        transcript.stream()
            .filter(m -> "call".equals(m.get("event")))
            .map(m -> m.get("state"))
            .toList();
    assertThat(states).containsExactly("dialing", "ringing", "connected", "ended");
    assertThat(transcript.stream().filter(m -> dialId.equals(m.get("id")))).hasSize(1);
    assertThat(transcript.stream().filter(m -> hangupId.equals(m.get("id")))).hasSize(1);
    // dialing is announced before baresip is asked, so it can never trail ringing
    assertThat(indexOf(transcript, "state", "dialing"))
        .isLessThan(indexOf(transcript, "id", dialId));
  }

  private static boolean freeWithin(int port, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!FreePorts.isFree(port)) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static boolean nobodyListensWithin(int port, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      try (java.net.Socket probe = new java.net.Socket()) {
        probe.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      } catch (java.io.IOException refused) {
        return true;
      }
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
  }

  private static int indexOf(List<Map<String, Object>> messages, String key, Object value) {
    for (int i = 0; i < messages.size(); i++) {
      if (value.equals(messages.get(i).get(key))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aKilledBaresipIsReportedAndRestarted() throws Exception {
    HostProcess host = rig.startReadyHost();
    ProcessHandle first = LoopbackRig.baresipChild(host).orElseThrow();
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));
    host.request("dial", Map.of("target", rig.sippUri()));
    host.awaitCall("connected");

    first.destroyForcibly();
    assertThat(host.awaitCall("ended")).containsEntry("reason", "softphone stopped");
    host.awaitSoftphone(false, 5000);
    host.awaitSoftphone(true, 10_000);
    // The new child may take a moment to show up as "baresip" in the process table.
    ProcessHandle second = null;
    for (long deadline = System.currentTimeMillis() + 5000;
        second == null && System.currentTimeMillis() < deadline; ) {
      second = LoopbackRig.baresipChild(host).filter(p -> p.pid() != first.pid()).orElse(null);
      if (second == null) {
        Thread.sleep(50);
      }
    }
    assertThat(second).as("a restarted baresip child").isNotNull();
    assertThat(second.pid()).isNotEqualTo(first.pid());
    assertThat(first.isAlive()).isFalse();
    Map<String, Object> status = host.request("status");
    assertThat(status.get("softphone").toString()).contains("available=true");
    assertThat(status.get("call")).isNull();
    far.close();
  }

  @Test
  void theHostEndsItsBaresipWhenTheBrowserClosesThePort() throws Exception {
    HostProcess host = rig.startReadyHost();
    ProcessHandle baresip = LoopbackRig.baresipChild(host).orElseThrow();
    Set<String> configDirs = new LinkedHashSet<>();
    try (var list = Files.list(dir.resolve("run"))) {
      list.forEach(p -> configDirs.add(p.getFileName().toString()));
    }
    assertThat(configDirs).containsExactly("baresip-" + host.pid());

    assertThat(host.closeInputAndWait(5000)).isZero();
    assertThat(baresip.onExit().get(3, TimeUnit.SECONDS).isAlive()).isFalse();
    // The kernel releases a dead process's sockets shortly after its exit is reported.
    assertThat(freeWithin(rig.sipPort, 3000)).as("SIP port free").isTrue();
    // Nothing listens on the control port any more. (Binding it is not the test: once free, the
    // port may be handed to another program's outgoing connection at any moment.)
    assertThat(nobodyListensWithin(rig.ctrlPort, 3000)).as("control port closed").isTrue();
    try (var list = Files.list(dir.resolve("run"))) {
      assertThat(list.toList()).as("generated config removed").isEmpty();
    }
    assertThat(InetAddress.getLoopbackAddress()).isNotNull();
  }
}
