package dev.click2call.protocol.handlers;

import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import java.util.Map;

/** {@code hold}: toggles hold on the current call. */
public final class HoldHandler implements RequestHandler {
  private final Softphone softphone;

  public HoldHandler(Softphone softphone) {
    this.softphone = softphone;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    try {
      softphone.hold();
      return Map.of();
    } catch (SoftphoneException e) {
      throw SoftphoneErrors.toRequestException(e);
    }
  }
}
