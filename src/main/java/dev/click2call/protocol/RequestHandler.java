package dev.click2call.protocol;

import java.util.Map;

/** Serves one request type. Handlers may block; the dispatcher runs them off the reading thread. */
@FunctionalInterface
public interface RequestHandler {
  /** Returns the result fields of an {@code ok:true} reply. */
  Map<String, Object> handle(Request request) throws RequestException;
}
