package dev.click2call.protocol.handlers;

import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import java.util.Map;

/** {@code decline}: rejects the ringing incoming call. */
public final class DeclineHandler implements RequestHandler {
  private final Softphone softphone;

  public DeclineHandler(Softphone softphone) {
    this.softphone = softphone;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    try {
      softphone.decline();
      return Map.of();
    } catch (SoftphoneException e) {
      throw SoftphoneErrors.toRequestException(e);
    }
  }
}
