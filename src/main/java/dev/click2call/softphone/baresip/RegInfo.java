package dev.click2call.softphone.baresip;

import dev.click2call.softphone.Registration;

/**
 * Reads the registration from baresip's {@code reginfo} answer. baresip registers as soon as it
 * starts, often before the host's control connection exists, so the first REGISTER_OK/FAIL event
 * can be missed; this answer fills that gap. It has no reason text. A line looks like {@code >
 * sip:alice@pbx.example.com ESC[32mOK ESC[;m Expires 60s}; {@code zzz} (not yet) and a local
 * account without registration say nothing.
 */
final class RegInfo {
  private RegInfo() {}

  /** The first account's registration, or null when the answer names none. */
  static Registration parse(String data, long at) {
    if (data == null) {
      return null;
    }
    for (String line : withoutColours(data).split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith(">")) {
        continue;
      }
      String[] words = trimmed.substring(1).strip().split(" +");
      String word = words.length > 1 ? words[1] : "";
      return switch (word) {
        case "OK" -> new Registration(Registration.State.REGISTERED, null, at);
        case "ERR" -> new Registration(Registration.State.FAILED, null, at);
        default -> null;
      };
    }
    return null;
  }

  /** Removes ANSI colour sequences (ESC [ … m). */
  static String withoutColours(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == 0x1b) {
        int end = text.indexOf('m', i);
        i = end < 0 ? text.length() : end + 1;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
