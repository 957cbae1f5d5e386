package dev.click2call.ipc;

import java.util.regex.Pattern;

/**
 * One softphone event forwarded from a hook process to the running hosts. The remote party is
 * attacker-chosen text (a caller's SIP user part): it is capped and stripped of control characters
 * here, and everywhere else it is only ever data.
 *
 * @param event a well-formed event name such as {@code call-start}
 * @param remote the remote party, possibly empty; never null
 */
public record HookMessage(String event, String remote) {
  public static final int MAX_REMOTE_CHARS = 64;
  private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z-]{0,31}");

  public HookMessage {
    if (event == null || !EVENT_NAME.matcher(event).matches()) {
      throw new IllegalArgumentException("not a well-formed event name");
    }
    remote = cleanRemote(remote);
  }

  public static boolean isEventName(String name) {
    return name != null && EVENT_NAME.matcher(name).matches();
  }

  /** Drops control characters (and lone surrogates) and caps the length; null becomes empty. */
  public static String cleanRemote(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_REMOTE_CHARS));
    for (int i = 0; i < text.length() && clean.length() < MAX_REMOTE_CHARS; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)
          || Character.isSurrogate(c)
          || Character.getType(c) == Character.FORMAT) {
        continue;
      }
      clean.append(c);
    }
    return clean.toString().strip();
  }
}
