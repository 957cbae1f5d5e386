package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 6: a hostile SIP server (SIPp answering 401 with its own realm) must not get
 * the account's digest from a click on {@code sip:x@its-host}.
 */
class BaresipForeignHostTest extends LoopbackRigTest {
  private HostProcess hostWithPassword() throws Exception {
    Map<String, Object> section = rig.baresipSection();
    section.remove("domain");
    section.put("account", "<sip:alice@pbx.invalid>;auth_pass=s3cret;regint=0");
    HostProcess host = rig.startHost(Map.of("softphone", "baresip", "baresip", section), Map.of());
    LoopbackRig.awaitAvailable(host);
    return host;
  }

  @Test
  void aSipTargetOnAnotherHostIsRefusedBeforeBaresipSendsAnything() throws Exception {
    HostProcess host = hostWithPassword();
    Sipp attacker = rig.sipp("uas_401.xml", List.of());
    attacker.awaitListening(5000);

    Map<String, Object> reply = host.request("dial", Map.of("target", rig.sippUri()));

    assertThat(reply).containsEntry("ok", false);
    assertThat(reply.get("error").toString())
        .contains("code=foreign_host", "127.0.0.1", "pbx.invalid");
    Thread.sleep(1000);
    assertThat(attacker.trace()).doesNotContain("INVITE sip:", "Authorization");
    assertThat(host.request("status").get("call")).isNull();
  }

  @Test
  void aConfirmedForeignTargetIsDialed() throws Exception {
    HostProcess host = hostWithPassword();
    Sipp far = rig.sipp("uas_busy.xml", List.of());
    far.awaitListening(5000);
    Map<String, Object> reply =
        host.request("dial", Map.of("target", rig.sippUri(), "confirmForeignHost", true));
    assertThat(reply).containsEntry("ok", true);
    assertThat(host.awaitCall("busy")).containsEntry("reason", "486 Busy Here");
  }

  @Test
  void onlyTheAccountsOwnHostsAreTrusted() throws Exception {
    BaresipSettings settings =
        BaresipSettings.defaults()
            .withAccount(
                "<sip:alice@pbx.example.com>;auth_pass=x;outbound=\"sip:sbc.example.com;lr\"");
    ForeignHostPolicy policy = ForeignHostPolicy.of(settings);
    assertThat(policy.foreignHost(dev.click2call.dialing.DialTarget.sip("sip:bob@pbx.example.com")))
        .isNull();
    assertThat(
            policy.foreignHost(
                dev.click2call.dialing.DialTarget.sip("sip:bob@SBC.example.com:5080")))
        .isNull();
    assertThat(policy.foreignHost(dev.click2call.dialing.DialTarget.sip("sip:x@attacker.example")))
        .isEqualTo("attacker.example");
    assertThat(policy.foreignHost(dev.click2call.dialing.DialTarget.phone("+4930123"))).isNull();
    ForeignHostPolicy noPassword =
        ForeignHostPolicy.of(BaresipSettings.defaults().withAccount("<sip:alice@pbx.example.com>"));
    assertThat(
            noPassword.foreignHost(dev.click2call.dialing.DialTarget.sip("sip:x@attacker.example")))
        .isNull();
  }
}
