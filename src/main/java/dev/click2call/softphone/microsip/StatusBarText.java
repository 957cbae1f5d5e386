package dev.click2call.softphone.microsip;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The call timer MicroSIP writes into status-bar pane 0 every second during a call ({@code
 * CmainDlg::OnTimerCall}, 3.20.5 and 3.22.3): {@code "%s %s"} with the translated word for
 * Connected ({@code Connected 0:12}, {@code Verbunden 0:12}), or on hold {@code "%s %s / %s"}
 * ({@code Hold 0:03 / 0:15}: hold time / total time). Only that shape is matched, never the words,
 * which MicroSIP's language file translates. Anything else (Online, Calling..., errors) is no
 * timer.
 *
 * @param onHold whether the text is the hold form
 * @param elapsedSeconds the call's total time
 * @param holdSeconds time on hold (0 when not on hold)
 */
record StatusBarText(boolean onHold, long elapsedSeconds, long holdSeconds) {
  private static final String TIME = "(\\d{1,4}(?::[0-5]\\d){1,2})";

  /** The translated word(s): no digits, colons or slashes (those belong to the timer). */
  private static final String LABEL = "[^\\d:/]*[^\\d:/\\s]";

  private static final Pattern CONNECTED = Pattern.compile(LABEL + " " + TIME);
  private static final Pattern HOLD = Pattern.compile(LABEL + " " + TIME + " / " + TIME);

  static Optional<StatusBarText> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    Matcher connected = CONNECTED.matcher(trimmed);
    if (connected.matches()) {
      return Optional.of(new StatusBarText(false, seconds(connected.group(1)), 0));
    }
    Matcher hold = HOLD.matcher(trimmed);
    if (hold.matches()) {
      return Optional.of(new StatusBarText(true, seconds(hold.group(2)), seconds(hold.group(1))));
    }
    return Optional.empty();
  }

  /** {@code m:ss} or {@code h:mm:ss}. */
  private static long seconds(String time) {
    long total = 0;
    for (String part : time.split(":")) {
      total = total * 60 + Long.parseLong(part);
    }
    return total;
  }
}
