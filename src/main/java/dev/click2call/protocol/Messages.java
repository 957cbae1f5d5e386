package dev.click2call.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the envelopes of outgoing messages: replies and events. */
public final class Messages {
  private Messages() {}

  public static Map<String, Object> okReply(String id, Map<String, ?> result) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("type", "reply");
    reply.put("id", id);
    reply.put("ok", true);
    // A loop rather than forEach: no lambda on the way to the host's first reply.
    for (Map.Entry<String, ?> field : result.entrySet()) {
      if (!reply.containsKey(field.getKey())) {
        reply.put(field.getKey(), field.getValue());
      }
    }
    return reply;
  }

  public static Map<String, Object> errorReply(String id, ErrorCode code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code.wire());
    error.put("message", message);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("type", "reply");
    reply.put("id", id);
    reply.put("ok", false);
    reply.put("error", error);
    return reply;
  }

  public static Map<String, Object> event(String event, Map<String, ?> fields) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "event");
    message.put("event", event);
    message.putAll(fields);
    return message;
  }
}
