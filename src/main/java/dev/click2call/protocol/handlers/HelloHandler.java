package dev.click2call.protocol.handlers;

import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code hello}: the handshake; names the protocol, the host and the softphone. */
public final class HelloHandler implements RequestHandler {
  private final Softphone softphone;
  private final String hostVersion;

  public HelloHandler(Softphone softphone, String hostVersion) {
    this.softphone = softphone;
    this.hostVersion = hostVersion;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    request.optionalObject("client"); // validated only; the handshake's path does no logging
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("protocol", 1);
    result.put("host", Map.of("version", hostVersion));
    result.put("softphone", SoftphoneViews.softphone(softphone));
    result.put("capabilities", SoftphoneViews.capabilities(softphone));
    result.put("readiness", SoftphoneViews.readiness(softphone.readiness()));
    return result;
  }
}
