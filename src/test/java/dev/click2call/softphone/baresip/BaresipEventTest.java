package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.softphone.CallDirection;
import dev.click2call.softphone.CallState;
import dev.click2call.softphone.Registration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaresipEventTest {
  @Test
  void readsTheFieldsOfACallEvent() {
    BaresipEvent event =
        BaresipEvent.from(
            Map.of(
                "event", true,
                "type", "CALL_INCOMING",
                "direction", "incoming",
                "peeruri", "sip:sipp@127.0.0.1:5080",
                "id", "1-18122@127.0.0.1",
                "param", "sip:sipp@127.0.0.1:5080"));
    assertThat(event.direction()).isEqualTo(CallDirection.IN);
    assertThat(event.callId()).isEqualTo("1-18122@127.0.0.1");
    assertThat(event.peer()).isEqualTo("sip:sipp@127.0.0.1:5080");
    assertThat(event.callState()).isEqualTo(CallState.INCOMING);
  }

  @Test
  void mapsEventTypesToCallStates() {
    assertThat(stateOf("CALL_RINGING", null)).isEqualTo(CallState.RINGING);
    assertThat(stateOf("CALL_PROGRESS", null)).isEqualTo(CallState.RINGING);
    assertThat(stateOf("CALL_ESTABLISHED", null)).isEqualTo(CallState.CONNECTED);
    assertThat(stateOf("CALL_CLOSED", "486 Busy Here")).isEqualTo(CallState.BUSY);
    assertThat(stateOf("CALL_CLOSED", "600 Busy Everywhere")).isEqualTo(CallState.BUSY);
    assertThat(stateOf("CALL_CLOSED", "Connection reset by peer")).isEqualTo(CallState.ENDED);
    assertThat(stateOf("CALL_CLOSED", "603 Decline")).isEqualTo(CallState.ENDED);
    assertThat(stateOf("CALL_CLOSED", null)).isEqualTo(CallState.ENDED);
    assertThat(stateOf("CALL_LOCAL_SDP", "offer")).isNull();
    assertThat(stateOf("REGISTER_OK", null)).isNull();
    assertThat(BaresipEvent.from(Map.of("event", true)).callState()).isNull();
  }

  private static CallState stateOf(String type, String param) {
    return param == null
        ? BaresipEvent.from(Map.of("type", type)).callState()
        : BaresipEvent.from(Map.of("type", type, "param", param)).callState();
  }

  @Test
  void untrustedTextLosesControlCharactersAndIsCapped() {
    String hostile = "sip:x@y\u0000\r\n\u001b[31m\u0085" + "a".repeat(1000);
    BaresipEvent event = BaresipEvent.from(Map.of("peeruri", hostile, "param", hostile));
    assertThat(event.peer()).startsWith("sip:x@y[31m").hasSize(BaresipEvent.MAX_REMOTE);
    assertThat(event.peer()).doesNotContain("\r", "\n", "\u0000", "\u001b", "\u0085");
    assertThat(event.param()).hasSize(BaresipEvent.MAX_REASON);
    assertThat(BaresipEvent.from(Map.of("peeruri", " \r\n ")).peer()).isNull();
  }

  @Test
  void mapsRegistrationEventsToRegistrationsWithBaresipsReason() {
    // The fields baresip 1.0.0 sends for a registrar that answers 403.
    BaresipEvent failed =
        BaresipEvent.from(
            Map.of(
                "event", true,
                "type", "REGISTER_FAIL",
                "class", "register",
                "accountaor", "sip:alice@127.0.0.1:5080",
                "param", "403 Forbidden"));
    assertThat(failed.registration(42))
        .isEqualTo(new Registration(Registration.State.FAILED, "403 Forbidden", 42));
    assertThat(failed.callState()).isNull();
    assertThat(registrationOf("REGISTER_OK", "200 OK").state())
        .isEqualTo(Registration.State.REGISTERED);
    assertThat(registrationOf("UNREGISTERING", "").state())
        .isEqualTo(Registration.State.UNREGISTERED);
    assertThat(registrationOf("UNREGISTERING", "").reason()).isNull();
    assertThat(registrationOf("CALL_CLOSED", "403 Forbidden")).isNull();
    assertThat(registrationOf("REGISTERING", "")).isNull();
    assertThat(BaresipEvent.from(Map.of("event", true)).registration(1)).isNull();
  }

  @Test
  void aRegistrationReasonIsCleanedLikeACallReason() {
    String hostile = "403 \u001b[31mNo\r\n" + "x".repeat(500);
    Registration registration = registrationOf("REGISTER_FAIL", hostile);
    assertThat(registration.reason())
        .startsWith("403 [31mNo")
        .doesNotContain("\u001b", "\r", "\n")
        .hasSize(BaresipEvent.MAX_REASON);
  }

  private static Registration registrationOf(String type, String param) {
    return BaresipEvent.from(Map.of("type", type, "param", param)).registration(7);
  }
}
