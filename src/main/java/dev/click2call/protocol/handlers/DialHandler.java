package dev.click2call.protocol.handlers;

import dev.click2call.dialing.DialTarget;
import dev.click2call.dialing.TargetParser;
import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import java.util.Map;

/** {@code dial}: validates the target, then hands its canonical form to the softphone. */
public final class DialHandler implements RequestHandler {
  private final Softphone softphone;
  private final TargetParser parser;

  public DialHandler(Softphone softphone, TargetParser parser) {
    this.softphone = softphone;
    this.parser = parser;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    DialTarget target = TargetField.parse(request, parser);
    try {
      // confirmForeignHost (added): the user confirmed a target refused with foreign_host.
      boolean confirmed = Boolean.TRUE.equals(request.fields().get("confirmForeignHost"));
      return Map.of("dialed", softphone.dial(target, confirmed));
    } catch (SoftphoneException e) {
      throw SoftphoneErrors.toRequestException(e);
    }
  }
}
