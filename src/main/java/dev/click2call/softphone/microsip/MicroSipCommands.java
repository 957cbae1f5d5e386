package dev.click2call.softphone.microsip;

import dev.click2call.dialing.DialTarget;
import java.util.regex.Pattern;

/**
 * The command strings the host hands to MicroSIP. Each is built here from validated parts and
 * checked once more against a strict grammar, so no page text can reach MicroSIP's own switches
 * ({@code /reset}, {@code /account:}, {@code /password:}, {@code msip:}, a space that turns a call
 * into an instant message, {@code %} decoding).
 */
public final class MicroSipCommands {
  public static final String ANSWER = "/answer";
  public static final String HANGUP_ALL = "/hangupall";
  public static final String HANGUP_INCOMING = "/hangupincoming";
  public static final String HOLD = "msip:hold";
  public static final String EXIT = "/exit";
  public static final String MINIMIZED = "/minimized";

  /** A dial string: a canonical number (with comma-DTMF) or {@code sip:user@host[:port]}. */
  private static final Pattern DIAL =
      Pattern.compile(
          "(\\+[0-9]{1,15}|[0-9*#]{1,24})(,[0-9*#]{1,16})?"
              + "|sip:[A-Za-z0-9._+\\-!~*'()&=$]{1,64}@[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?"
              + "|sip:[A-Za-z0-9._+\\-!~*'()&=$]{1,64}@\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

  private static final Pattern DTMF = Pattern.compile("[0-9*#]{1,32}");

  private MicroSipCommands() {}

  /**
   * @throws IllegalArgumentException when the target is not in a form MicroSIP dials safely
   */
  public static String dial(DialTarget target) {
    String value = target.value();
    if (!isSafeDialString(value)) {
      throw new IllegalArgumentException(
          target.kind() == DialTarget.Kind.SIP && value.startsWith("sips:")
              ? "MicroSIP cannot dial sips: addresses (use a TLS account instead)"
              : "not a dial string MicroSIP can take safely");
    }
    return value;
  }

  public static String transfer(DialTarget target) {
    return "/transfer:" + dial(target);
  }

  public static String dtmf(String digits) {
    if (!DTMF.matcher(digits).matches()) {
      throw new IllegalArgumentException("DTMF digits may be only 0-9, * and #");
    }
    return "/dtmf:" + digits;
  }

  /** Whether a string is a safe dial string (used by tests and the one-shot CLI). */
  public static boolean isSafeDialString(String value) {
    if (!DIAL.matcher(value).matches()) {
      return false;
    }
    int colon = value.lastIndexOf(':');
    if (value.startsWith("sip:") && colon > 3 && value.indexOf(']', colon) < 0) {
      String port = value.substring(colon + 1);
      return port.chars().allMatch(Character::isDigit)
          && Integer.parseInt(port) >= 1
          && Integer.parseInt(port) <= 65535;
    }
    return true;
  }
}
