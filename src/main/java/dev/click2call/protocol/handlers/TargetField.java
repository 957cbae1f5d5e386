package dev.click2call.protocol.handlers;

import dev.click2call.dialing.DialTarget;
import dev.click2call.dialing.InvalidTargetException;
import dev.click2call.dialing.TargetParser;
import dev.click2call.protocol.ErrorCode;
import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;

/** The {@code target} field of {@code dial} and {@code transfer}, validated by one parser. */
final class TargetField {
  /** Generous for the envelope; the parser applies the real, much smaller limit. */
  private static final int MAX_FIELD_LENGTH = 4096;

  private TargetField() {}

  static DialTarget parse(Request request, TargetParser parser) throws RequestException {
    String raw = request.requiredString("target", MAX_FIELD_LENGTH);
    try {
      return parser.parse(raw);
    } catch (InvalidTargetException e) {
      throw new RequestException(ErrorCode.INVALID_TARGET, e.getMessage());
    }
  }
}
