package dev.click2call.softphone.baresip;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns baresip's reason for an ended call into one a person understands. baresip reports a failing
 * audio device as a bare errno ({@code Unknown error -2}); the device it could not open is only in
 * its output, which {@link BaresipOutput} watches. SIP reasons ({@code 486 Busy Here}, {@code
 * Connection reset by peer}) are already readable and pass unchanged.
 */
final class EndReasons {
  private static final Pattern ERRNO = Pattern.compile("^Unknown error -?(\\d+)$");
  private static final Map<Integer, String> ERRNOS =
      Map.of(
          1, "operation not permitted",
          2, "not found",
          5, "input/output error",
          13, "permission denied",
          16, "device busy",
          19, "no such device",
          22, "invalid argument",
          110, "timed out",
          111, "connection refused");

  private EndReasons() {}

  static String explain(String reason, BaresipOutput output) {
    String audio = output.recentAudioError();
    boolean bare = reason == null || ERRNO.matcher(reason).matches() || isErrnoText(reason);
    if (audio != null && bare) {
      return "no usable audio device: baresip could not open "
          + audio
          + "; run 'click2call doctor'";
    }
    if (reason == null) {
      return null;
    }
    Matcher errno = ERRNO.matcher(reason);
    if (errno.matches()) {
      int code = Integer.parseInt(errno.group(1));
      return "baresip failed: "
          + ERRNOS.getOrDefault(code, "system error")
          + " (error "
          + code
          + "); see baresip.log";
    }
    return reason;
  }

  private static boolean isErrnoText(String reason) {
    return reason.equals("No such file or directory") || reason.equals("Device or resource busy");
  }
}
