package dev.click2call.protocol.handlers;

import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import java.util.Map;

/** {@code answer}: answers the ringing incoming call. */
public final class AnswerHandler implements RequestHandler {
  private final Softphone softphone;

  public AnswerHandler(Softphone softphone) {
    this.softphone = softphone;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    try {
      softphone.answer();
      return Map.of();
    } catch (SoftphoneException e) {
      throw SoftphoneErrors.toRequestException(e);
    }
  }
}
