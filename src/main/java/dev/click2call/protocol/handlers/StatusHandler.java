package dev.click2call.protocol.handlers;

import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code status}: the softphone's availability, whether it can dial, and the current call. */
public final class StatusHandler implements RequestHandler {
  private final Softphone softphone;

  public StatusHandler(Softphone softphone) {
    this.softphone = softphone;
  }

  @Override
  public Map<String, Object> handle(Request request) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("softphone", SoftphoneViews.softphone(softphone));
    result.put("readiness", SoftphoneViews.readiness(softphone.readiness()));
    result.put("call", softphone.currentCall().map(SoftphoneViews::call).orElse(null));
    return result;
  }
}
