package dev.click2call.protocol.handlers;

import dev.click2call.protocol.ErrorCode;
import dev.click2call.protocol.RequestException;
import dev.click2call.softphone.SoftphoneException;

/** Maps a softphone's failure to the protocol error a client sees. */
final class SoftphoneErrors {
  private SoftphoneErrors() {}

  static RequestException toRequestException(SoftphoneException e) {
    ErrorCode code =
        switch (e.reason()) {
          case UNAVAILABLE -> ErrorCode.SOFTPHONE_UNAVAILABLE;
          case BUSY -> ErrorCode.BUSY;
          case UNSUPPORTED -> ErrorCode.UNSUPPORTED;
          case NO_CALL -> ErrorCode.NO_CALL;
          case INVALID_TARGET -> ErrorCode.INVALID_TARGET;
          case FOREIGN_HOST -> ErrorCode.FOREIGN_HOST;
          case FAILED -> ErrorCode.INTERNAL;
        };
    return new RequestException(code, e.getMessage());
  }
}
