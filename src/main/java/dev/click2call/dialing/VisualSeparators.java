package dev.click2call.dialing;

/**
 * The Unicode spaces and hyphens that people and web pages put between the digits of a phone number
 * (RFC 3966 calls them visual separators), read as the ASCII space and hyphen they stand for. Only
 * separators: digits of other scripts, zero-width characters, bidi controls and everything else
 * non-ASCII stay as they are, so the parser still refuses them.
 */
final class VisualSeparators {
  private VisualSeparators() {}

  /** The input with every visual separator replaced; the same string when there is none. */
  static String toAscii(String input) {
    char[] chars = null;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      char ascii = asciiFor(c);
      if (ascii != c) {
        if (chars == null) {
          chars = input.toCharArray();
        }
        chars[i] = ascii;
      }
    }
    return chars == null ? input : new String(chars);
  }

  private static char asciiFor(char c) {
    switch (c) {
      case '\u00a0': // no-break space
      case '\u2000': // en quad … hair space
      case '\u2001':
      case '\u2002':
      case '\u2003':
      case '\u2004':
      case '\u2005':
      case '\u2006':
      case '\u2007': // figure space
      case '\u2008':
      case '\u2009': // thin space
      case '\u200a':
      case '\u202f': // narrow no-break space
      case '\u205f':
      case '\u3000': // ideographic space
        return ' ';
      case '\u2010': // hyphen
      case '\u2011': // non-breaking hyphen
      case '\u2012': // figure dash
      case '\u2013': // en dash
      case '\u2212': // minus sign
      case '\ufe63': // small hyphen-minus
      case '\uff0d': // full-width hyphen-minus
        return '-';
      default:
        return c;
    }
  }
}
