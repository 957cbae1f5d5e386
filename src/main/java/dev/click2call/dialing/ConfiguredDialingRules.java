package dev.click2call.dialing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Dialing rules from the {@code dialing} settings: national numbers become E.164 with the default
 * country, {@code +} may be rewritten to an international prefix, and an outside-line prefix goes
 * in front of every number that is not an internal extension.
 *
 * @param defaultCountry ISO 3166 alpha-2 region, or null to keep numbers as written
 * @param internationalPrefix digits that replace a leading {@code +}, or null to keep {@code +}
 * @param outsideLinePrefix digits dialed before external numbers, or null
 * @param extensionMaxDigits numbers this short (and without {@code +}) are internal extensions
 */
public record ConfiguredDialingRules(
    String defaultCountry,
    String internationalPrefix,
    String outsideLinePrefix,
    int extensionMaxDigits)
    implements DialingRules {

  @Override
  public String canonicalize(String digits) throws InvalidTargetException {
    String number = digits;
    boolean international = number.startsWith("+");
    boolean plainDigits = number.chars().allMatch(c -> c == '+' || (c >= '0' && c <= '9'));
    if (!international && number.length() <= extensionMaxDigits) {
      return number; // an internal extension: dialed exactly as written
    }
    if (!international && plainDigits) {
      number = toInternational(number);
      international = number.startsWith("+");
    }
    if (international && internationalPrefix != null) {
      number = internationalPrefix + number.substring(1);
    }
    if (outsideLinePrefix != null) {
      number = outsideLinePrefix + number;
    }
    return number;
  }

  /** A national or {@code 00}-prefixed number in E.164 when a country is set; else as written. */
  private String toInternational(String number) throws InvalidTargetException {
    if (defaultCountry == null) {
      return DialingRules.AS_WRITTEN.canonicalize(number);
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber parsed = util.parse(number, defaultCountry);
      if (!util.isPossibleNumber(parsed)) {
        throw new InvalidTargetException(
            "the number is not a possible number for country " + defaultCountry);
      }
      return util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new InvalidTargetException("the number cannot be read: " + e.getMessage());
    }
  }
}
