package dev.click2call.dialing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person or a page offers as a dial target into a canonical {@link DialTarget}, or
 * refuses it. Everything that could reach a softphone's own command grammar (switches, spaces,
 * percent escapes, controls, non-ASCII digits, URI parameters) is refused here. Visual separators
 * that page text and pasted numbers carry (no-break and thin spaces, non-breaking hyphens) are read
 * as the ASCII space and hyphen they stand for ({@link VisualSeparators}).
 */
public final class TargetParser {
  /** Longer input is refused before any parsing. */
  public static final int MAX_INPUT_LENGTH = 128;

  private static final int MAX_NUMBER_DIGITS = 20;
  private static final int MAX_E164_DIGITS = 15;
  private static final int MIN_NUMBER_DIGITS = 2;
  private static final int MAX_EXTENSION_DIGITS = 10;

  /**
   * The grammar, compiled on the first parse rather than when the host starts (a host that never
   * dials never pays for it).
   */
  private static final class Grammar {
    /** Characters a person may use when writing a number. */
    static final Pattern WRITTEN_NUMBER = Pattern.compile("[0-9+*#()./\\- ]+");

    /** What a number may look like after the dialing rules: the only form handed on. */
    static final Pattern CANONICAL_NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");

    static final Pattern EXTENSION =
        Pattern.compile("(?i)^(.*?)\\s*(?:;ext=|,|ext\\.?|extension|x)\\s*([0-9]{1,10})$");

    static final Pattern SIP_USER = Pattern.compile("[A-Za-z0-9._+\\-!~*'()&=$]{1,64}");
    static final Pattern HOST_NAME =
        Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)*");
    static final Pattern IPV4 =
        Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");
  }

  private final DialingRules rules;

  public TargetParser(DialingRules rules) {
    this.rules = rules;
  }

  public DialTarget parse(String input) throws InvalidTargetException {
    if (input == null) {
      throw new InvalidTargetException("no target given");
    }
    if (input.length() > MAX_INPUT_LENGTH) {
      throw new InvalidTargetException(
          "the target is longer than " + MAX_INPUT_LENGTH + " characters");
    }
    input = VisualSeparators.toAscii(input);
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new InvalidTargetException(
            "the target contains a control or non-ASCII character (position " + (i + 1) + ")");
      }
    }
    String text = input.strip();
    if (text.isEmpty()) {
      throw new InvalidTargetException("the target is empty");
    }
    if (text.indexOf('%') >= 0) {
      throw new InvalidTargetException("percent escapes are not accepted");
    }
    if (text.startsWith("/")) {
      throw new InvalidTargetException("a target cannot start with '/'");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      return parseSip(text);
    }
    if (lower.startsWith("tel:")) {
      return parseTel(text.substring(4));
    }
    if (lower.startsWith("callto:")) {
      String rest = text.substring(7);
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
        if (rest.endsWith("/")) {
          rest = rest.substring(0, rest.length() - 1);
        }
      }
      return parseWrittenNumber(rest);
    }
    if (text.indexOf(':') >= 0) {
      throw new InvalidTargetException("only sip:, sips:, tel: and callto: addresses are accepted");
    }
    return parseWrittenNumber(text);
  }

  private DialTarget parseTel(String rest) throws InvalidTargetException {
    String number = rest;
    String extension = null;
    int semicolon = rest.indexOf(';');
    if (semicolon >= 0) {
      number = rest.substring(0, semicolon);
      String params = rest.substring(semicolon);
      Matcher ext = Pattern.compile("(?i)^;ext=([0-9]{1,10})$").matcher(params);
      if (!ext.matches()) {
        throw new InvalidTargetException("tel: parameters other than ;ext= are not accepted");
      }
      extension = ext.group(1);
    }
    if (number.indexOf(' ') >= 0) {
      throw new InvalidTargetException("a tel: address cannot contain spaces");
    }
    return phone(number, extension);
  }

  private DialTarget parseWrittenNumber(String text) throws InvalidTargetException {
    String number = text.strip();
    String extension = null;
    Matcher ext = Grammar.EXTENSION.matcher(number);
    if (ext.matches() && !ext.group(1).isBlank()) {
      number = ext.group(1);
      extension = ext.group(2);
    }
    return phone(number, extension);
  }

  private DialTarget phone(String written, String extension) throws InvalidTargetException {
    if (!Grammar.WRITTEN_NUMBER.matcher(written).matches()) {
      throw new InvalidTargetException(
          "a phone number may contain only digits, +, *, # and separators");
    }
    String trimmed = written.strip();
    if (trimmed.lastIndexOf('+') > 0) {
      throw new InvalidTargetException("'+' may only start a number");
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if ((c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+') {
        digits.append(c);
      }
    }
    String asWritten = digits.toString();
    if (asWritten.replace("+", "").length() < MIN_NUMBER_DIGITS) {
      throw new InvalidTargetException("the number is too short");
    }
    if (asWritten.length() > MAX_NUMBER_DIGITS + 1) {
      throw new InvalidTargetException("the number is too long");
    }
    String canonical = rules.canonicalize(asWritten);
    if (!Grammar.CANONICAL_NUMBER.matcher(canonical).matches()) {
      throw new InvalidTargetException("the dialing rules made an unusable number");
    }
    String body = canonical.startsWith("+") ? canonical.substring(1) : canonical;
    if (body.isEmpty() || body.startsWith("+")) {
      throw new InvalidTargetException("the number has no digits");
    }
    int count = body.length();
    if (count < MIN_NUMBER_DIGITS) {
      throw new InvalidTargetException("the number is too short");
    }
    if (count > MAX_NUMBER_DIGITS || (canonical.startsWith("+") && count > MAX_E164_DIGITS)) {
      throw new InvalidTargetException("the number is too long");
    }
    if (canonical.startsWith("+") && !body.chars().allMatch(Character::isDigit)) {
      throw new InvalidTargetException("an international number may contain digits only");
    }
    if (extension != null) {
      if (extension.length() > MAX_EXTENSION_DIGITS) {
        throw new InvalidTargetException("the extension is too long");
      }
      return DialTarget.phone(canonical + "," + extension);
    }
    return DialTarget.phone(canonical);
  }

  private static DialTarget parseSip(String text) throws InvalidTargetException {
    int colon = text.indexOf(':');
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = text.substring(colon + 1);
    if (rest.startsWith("//")) {
      throw new InvalidTargetException("a sip: address has no '//'");
    }
    if (rest.indexOf(';') >= 0 || rest.indexOf('?') >= 0) {
      throw new InvalidTargetException("sip: parameters and headers are not accepted");
    }
    int at = rest.indexOf('@');
    if (at <= 0 || at != rest.lastIndexOf('@')) {
      throw new InvalidTargetException("a sip: address needs exactly one user@host");
    }
    String user = rest.substring(0, at);
    String hostPort = rest.substring(at + 1);
    if (user.indexOf(':') >= 0) {
      throw new InvalidTargetException("a sip: address cannot carry a password");
    }
    if (!Grammar.SIP_USER.matcher(user).matches()) {
      throw new InvalidTargetException("the sip: user part has characters that are not accepted");
    }
    String host = hostPort;
    String port = null;
    int portColon = hostPort.lastIndexOf(':');
    if (portColon >= 0 && !hostPort.endsWith("]")) {
      host = hostPort.substring(0, portColon);
      port = hostPort.substring(portColon + 1);
      if (!port.matches("[0-9]{1,5}")
          || Integer.parseInt(port) < 1
          || Integer.parseInt(port) > 65535) {
        throw new InvalidTargetException("the sip: port is not a number from 1 to 65535");
      }
    }
    if (!validHost(host)) {
      throw new InvalidTargetException("the sip: host is not a valid host name or address");
    }
    return DialTarget.sip(scheme + ":" + user + "@" + host + (port == null ? "" : ":" + port));
  }

  private static boolean validHost(String host) {
    Matcher v4 = Grammar.IPV4.matcher(host);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return true;
    }
    if (Grammar.IPV6.matcher(host).matches()) {
      return true;
    }
    return Grammar.HOST_NAME.matcher(host).matches()
        && !host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }
}
