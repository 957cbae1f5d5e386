package dev.click2call.protocol;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;

/** JSON encoding and decoding for protocol messages (jackson-jr: small and quick to start). */
public final class Json {
  // Nulls are written: the contract has fields such as "id":null and "call":null.
  private static final JSON CODEC = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

  private Json() {}

  /**
   * Decodes one frame. Returns the object, or throws {@link IllegalArgumentException} with a short
   * reason when the payload is not valid UTF-8 JSON or not an object.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> decodeObject(byte[] payload) {
    Object value;
    try {
      value = CODEC.anyFrom(payload);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()), e);
    }
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("the message is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  public static byte[] encode(Map<String, ?> message) {
    try {
      return CODEC.asBytes(message);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a protocol message", e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable input";
    }
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
