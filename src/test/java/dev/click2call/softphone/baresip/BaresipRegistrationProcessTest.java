package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registration of the host's real baresip with SIPp as its registrar on 127.0.0.1, as the
 * browser sees it: in {@code softphone} events and in {@code status}.
 */
class BaresipRegistrationProcessTest extends LoopbackRigTest {
  // A registrar answering after this long answers after the host has connected to baresip, so the
  // host sees baresip's REGISTER_OK/REGISTER_FAIL event with its reason.
  private static final String AFTER_CONNECT_MILLIS = "1500";

  @Test
  void anAcceptedRegisterIsReportedAsRegistered() throws Exception {
    Sipp registrar =
        rig.sipp("uas_register_ok.xml", List.of("-d", AFTER_CONNECT_MILLIS)).awaitListening(5000);
    HostProcess host = startHostWithAccount();

    Map<String, Object> event = awaitRegistration(host, "registered");
    assertThat(registrationOf(event)).containsEntry("reason", "200 OK");
    assertThat((Long) registrationOf(event).get("at")).isPositive();
    assertThat(event).containsEntry("kind", "baresip").containsEntry("available", true);
    assertThat(registrationOf(softphoneOf(host.request("status"))))
        .containsEntry("state", "registered");
    assertThat(registrationOf(softphoneOf(host.request("hello"))))
        .containsEntry("state", "registered");
    assertThat(registrar.awaitExit(15_000)).as(registrar.output()).isZero();
    assertThat(registrar.trace()).contains("REGISTER sip:127.0.0.1:" + rig.sippPort);

    // A lost control connection makes the registration unknown until the new baresip reports.
    LoopbackRig.baresipChild(host).orElseThrow().destroyForcibly();
    assertThat(host.awaitSoftphone(false, 5000)).containsEntry("registration", null);
  }

  @Test
  void aForbiddenRegisterIsReportedAsFailedWithTheRegistrarsReason() throws Exception {
    Sipp registrar =
        rig.sipp("uas_register_forbidden.xml", List.of("-d", AFTER_CONNECT_MILLIS))
            .awaitListening(5000);
    HostProcess host = startHostWithAccount();

    Map<String, Object> event = awaitRegistration(host, "failed");
    assertThat((String) registrationOf(event).get("reason")).contains("403");
    Map<String, Object> status = registrationOf(softphoneOf(host.request("status")));
    assertThat(status).containsEntry("state", "failed");
    assertThat((String) status.get("reason")).contains("403");
    assertThat(registrar.awaitExit(15_000)).as(registrar.output()).isZero();
  }

  @Test
  void aRegistrationDoneBeforeTheHostConnectedIsReadBack() throws Exception {
    // Answered at once: baresip has registered (and sent its event to nobody) before the host's
    // control connection exists.
    Sipp registrar = rig.sipp("uas_register_forbidden.xml", List.of()).awaitListening(5000);
    HostProcess host = startHostWithAccount();

    Map<String, Object> event = awaitRegistration(host, "failed");
    assertThat(event).containsEntry("available", true);
    assertThat(registrationOf(softphoneOf(host.request("status"))))
        .containsEntry("state", "failed");
    assertThat(registrar.awaitExit(15_000)).as(registrar.output()).isZero();
  }

  @Test
  void withoutAnAccountThereIsNoRegistration() throws Exception {
    HostProcess host = rig.startReadyHost();
    assertThat(softphoneOf(host.request("status")))
        .containsEntry("available", true)
        .containsEntry("registration", null);
    assertThat(host.transcript())
        .filteredOn(m -> "softphone".equals(m.get("event")))
        .allSatisfy(m -> assertThat(m).containsEntry("registration", null));
  }

  private HostProcess startHostWithAccount() throws Exception {
    Map<String, Object> section = new LinkedHashMap<>(rig.baresipSection());
    section.put(
        "account", "<sip:alice@127.0.0.1:" + rig.sippPort + ">;regint=600;audio_codecs=pcmu,pcma");
    return rig.startHost(Map.of("softphone", "baresip", "baresip", section), Map.of());
  }

  private static Map<String, Object> awaitRegistration(HostProcess host, String state)
      throws InterruptedException {
    return host.await(
        m ->
            "softphone".equals(m.get("event"))
                && m.get("registration") instanceof Map<?, ?> registration
                && state.equals(registration.get("state")),
        15_000,
        "softphone event with registration " + state);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> softphoneOf(Map<String, Object> reply) {
    assertThat(reply).containsEntry("ok", true);
    return (Map<String, Object>) reply.get("softphone");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> registrationOf(Map<String, Object> softphone) {
    assertThat(softphone.get("registration")).as("registration of %s", softphone).isNotNull();
    return (Map<String, Object>) softphone.get("registration");
  }
}
