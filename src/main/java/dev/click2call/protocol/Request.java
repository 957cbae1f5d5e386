package dev.click2call.protocol;

import java.util.Map;

/** A validated request envelope: a string {@code id}, a string {@code type} and its fields. */
public record Request(String id, String type, Map<String, Object> fields) {

  /** A required string field of at most {@code maxLength} characters. */
  public String requiredString(String name, int maxLength) throws RequestException {
    Object value = fields.get(name);
    if (!(value instanceof String text)) {
      throw new RequestException(ErrorCode.BAD_REQUEST, "'" + name + "' must be a string");
    }
    if (text.isEmpty() || text.length() > maxLength) {
      throw new RequestException(
          ErrorCode.BAD_REQUEST, "'" + name + "' must have 1 to " + maxLength + " characters");
    }
    return text;
  }

  /** An optional object field; {@code null} when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> optionalObject(String name) throws RequestException {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw new RequestException(ErrorCode.BAD_REQUEST, "'" + name + "' must be an object");
    }
    return (Map<String, Object>) value;
  }
}
