package dev.click2call.dialing;

/**
 * Rewrites a number's digits into the form the softphone should dial. The default keeps the digits
 * as written, turning a leading {@code 00} into {@code +}. {@link DialingSettings} builds the
 * configured rules.
 */
public interface DialingRules {
  /**
   * @param digits the number's characters from the set {@code +0-9*#}, {@code +} first if at all
   * @return the canonical number, from the same character set
   * @throws InvalidTargetException when the rules refuse the number
   */
  String canonicalize(String digits) throws InvalidTargetException;

  DialingRules AS_WRITTEN =
      digits -> digits.startsWith("00") && digits.length() > 2 ? "+" + digits.substring(2) : digits;
}
