package dev.click2call.protocol.handlers;

import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.CallInfo;
import dev.click2call.softphone.Operation;
import dev.click2call.softphone.Readiness;
import dev.click2call.softphone.Registration;
import dev.click2call.softphone.Softphone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The protocol's JSON shapes of softphone data: softphone object, call object, call event. */
public final class SoftphoneViews {
  private SoftphoneViews() {}

  public static Map<String, Object> softphone(Softphone softphone) {
    return softphone(
        softphone.kind(), softphone.available(), softphone.registration().orElse(null));
  }

  /**
   * @param registration null when unknown or not applicable
   */
  public static Map<String, Object> softphone(
      String kind, boolean available, Registration registration) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("kind", kind);
    view.put("available", available);
    view.put("registration", registration == null ? null : registration(registration));
    return view;
  }

  public static Map<String, Object> registration(Registration registration) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("state", registration.state().wire());
    view.put("reason", registration.reason());
    view.put("at", registration.at());
    return view;
  }

  /** {@code readiness} of {@code hello} and {@code status}: can a clicked number be dialed now. */
  public static Map<String, Object> readiness(Readiness readiness) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ready", readiness.ready());
    view.put("code", readiness.code());
    view.put("message", readiness.message());
    return view;
  }

  public static List<String> capabilities(Softphone softphone) {
    List<String> names = new ArrayList<>();
    names.add("hello");
    names.add("status");
    for (Operation operation : Operation.values()) {
      if (softphone.capabilities().contains(operation)) {
        names.add(operation.wire());
      }
    }
    return names;
  }

  public static Map<String, Object> call(CallInfo call) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("state", call.state().wire());
    view.put("direction", call.direction() == null ? null : call.direction().wire());
    view.put("remote", call.remote());
    view.put("since", call.since());
    view.put("callId", call.callId());
    view.put("onHold", call.onHold());
    return view;
  }

  /** The fields of a {@code call} event (without the envelope). */
  public static Map<String, Object> callEvent(CallEvent event) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("state", event.state().wire());
    view.put("direction", event.direction() == null ? null : event.direction().wire());
    view.put("remote", event.remote());
    view.put("at", event.at());
    view.put("callId", event.callId());
    view.put("onHold", event.onHold());
    if (event.reason() != null) {
      view.put("reason", event.reason());
    }
    return view;
  }
}
