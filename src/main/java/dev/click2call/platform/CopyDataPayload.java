package dev.click2call.platform;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a {@code WM_COPYDATA} string payload for a Unicode program: UTF-16LE with a
 * terminating NUL character; {@code cbData} is the byte count including that NUL.
 */
public final class CopyDataPayload {
  private CopyDataPayload() {}

  public static byte[] utf16z(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] payload = new byte[body.length + 2];
    System.arraycopy(body, 0, payload, 0, body.length);
    return payload;
  }
}
