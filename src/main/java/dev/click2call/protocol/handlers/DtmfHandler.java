package dev.click2call.protocol.handlers;

import dev.click2call.protocol.ErrorCode;
import dev.click2call.protocol.Request;
import dev.click2call.protocol.RequestException;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneException;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code dtmf}: sends digits on the current call. */
public final class DtmfHandler implements RequestHandler {
  /** Compiled on the first use, not when the host starts. */
  private static final class Digits {
    static final Pattern PATTERN = Pattern.compile("[0-9*#]{1,32}");
  }

  private final Softphone softphone;

  public DtmfHandler(Softphone softphone) {
    this.softphone = softphone;
  }

  @Override
  public Map<String, Object> handle(Request request) throws RequestException {
    String digits = request.requiredString("digits", 32);
    if (!Digits.PATTERN.matcher(digits).matches()) {
      throw new RequestException(ErrorCode.BAD_REQUEST, "'digits' may contain only 0-9, * and #");
    }
    try {
      softphone.dtmf(digits);
      return Map.of("digits", digits);
    } catch (SoftphoneException e) {
      throw SoftphoneErrors.toRequestException(e);
    }
  }
}
