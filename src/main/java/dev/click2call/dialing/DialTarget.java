package dev.click2call.dialing;

/**
 * A validated dial target in canonical form.
 *
 * <p>For {@link Kind#PHONE} the value is {@code +}? then digits, {@code *} and {@code #},
 * optionally followed by {@code ,} and DTMF digits (an extension). For {@link Kind#SIP} it is
 * {@code sip:user@host[:port]} (or {@code sips:}), with nothing else. Either form is safe to hand
 * to a softphone's command grammar.
 */
public record DialTarget(Kind kind, String value) {
  /** What kind of address the target is. */
  public enum Kind {
    PHONE,
    SIP
  }

  public DialTarget {
    if (kind == null || value == null || value.isEmpty()) {
      throw new IllegalArgumentException("kind and value are required");
    }
  }

  public static DialTarget phone(String canonical) {
    return new DialTarget(Kind.PHONE, canonical);
  }

  public static DialTarget sip(String canonical) {
    return new DialTarget(Kind.SIP, canonical);
  }
}
