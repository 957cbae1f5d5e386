package dev.click2call.protocol.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.json.Json;
import dev.click2call.protocol.Request;
import dev.click2call.softphone.Registration;
import dev.click2call.softphone.SoftphoneListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftphoneViewsTest {
  @Test
  void anUnknownRegistrationIsNull() {
    assertThat(json(SoftphoneViews.softphone("baresip", true, null)))
        .isEqualTo("{\"kind\":\"baresip\",\"available\":true,\"registration\":null}");
  }

  @Test
  void aRegistrationHasStateReasonAndTime() {
    Registration failed =
        new Registration(Registration.State.FAILED, "403 Forbidden", 1764147600000L);
    assertThat(json(SoftphoneViews.softphone("baresip", true, failed)))
        .isEqualTo(
            "{\"kind\":\"baresip\",\"available\":true,\"registration\":"
                + "{\"state\":\"failed\",\"reason\":\"403 Forbidden\",\"at\":1764147600000}}");
    Registration registered = new Registration(Registration.State.REGISTERED, null, 3);
    assertThat(json(SoftphoneViews.registration(registered)))
        .isEqualTo("{\"state\":\"registered\",\"reason\":null,\"at\":3}");
    assertThat(Registration.State.UNREGISTERED.wire()).isEqualTo("unregistered");
  }

  @Test
  void registrationAndAvailabilityChangesBecomeSoftphoneEvents() {
    List<Map<String, ?>> sent = new ArrayList<>();
    SoftphoneListener publisher = new EventPublisher(sent::add);
    publisher.onRegistration(
        "baresip", true, new Registration(Registration.State.REGISTERED, "200 OK", 9));
    publisher.onAvailability("baresip", false);
    assertThat(sent)
        .extracting(SoftphoneViewsTest::json)
        .containsExactly(
            "{\"type\":\"event\",\"event\":\"softphone\",\"kind\":\"baresip\",\"available\":true,"
                + "\"registration\":{\"state\":\"registered\",\"reason\":\"200 OK\",\"at\":9}}",
            "{\"type\":\"event\",\"event\":\"softphone\",\"kind\":\"baresip\",\"available\":false,"
                + "\"registration\":null}");
  }

  @Test
  void aSoftphoneThatReportsNoRegistrationShowsNull() {
    assertThat(SoftphoneViews.softphone(new dev.click2call.softphone.NoSoftphone("none here")))
        .containsEntry("registration", null);
  }

  @Test
  void helloAndStatusSayWhetherAClickedNumberCanBeDialed() throws Exception {
    dev.click2call.softphone.NoSoftphone none =
        new dev.click2call.softphone.NoSoftphone("no softphone is configured (softphone: none)");
    String readiness =
        "\"readiness\":{\"ready\":false,\"code\":\"no_softphone\","
            + "\"message\":\"no softphone is configured (softphone: none)\"}";
    Request hello = new Request("1", "hello", Map.of());
    assertThat(json(new HelloHandler(none, "1.0").handle(hello))).contains(readiness);
    Request status = new Request("2", "status", Map.of());
    assertThat(json(new StatusHandler(none).handle(status))).contains(readiness);
    assertThat(json(SoftphoneViews.readiness(dev.click2call.softphone.Readiness.READY)))
        .isEqualTo("{\"ready\":true,\"code\":\"ready\",\"message\":null}");
  }

  private static String json(Map<String, ?> value) {
    return new String(Json.encode(value), java.nio.charset.StandardCharsets.UTF_8);
  }
}
