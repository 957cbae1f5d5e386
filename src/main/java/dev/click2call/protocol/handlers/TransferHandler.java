package dev.click2call.protocol.handlers;

import dev.click2call.dialing.DialTarget;
import dev.click2call.dialing.TargetParser;
import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import java.util.Map;

/** {@code transfer}: blind transfer of the current call to a validated target. */
public final class TransferHandler implements RequestHandler {
  private final Softphone softphone;
  private final TargetParser parser;

  public TransferHandler(Softphone softphone, TargetParser parser) {
    this.softphone = softphone;
    this.parser = parser;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    DialTarget target = TargetField.parse(request, parser);
    try {
      return Map.of("transferredTo", softphone.transfer(target));
    } catch (SoftphoneException e) {
      throw SoftphoneErrors.toRequestException(e);
    }
  }
}
