package dev.click2call.dialing;

import dev.click2call.config.Settings;

/**
 * The configured {@link DialingRules}, read from the settings on their first use: the host answers
 * the browser's handshake without compiling the dialing grammar it may never need. An invalid
 * section behaves exactly as {@link DialingSettings#rules} says.
 */
public final class DeferredDialingRules implements DialingRules {
  private final Settings settings;
  private DialingRules rules;

  public DeferredDialingRules(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String canonicalize(String digits) throws InvalidTargetException {
    return rules().canonicalize(digits);
  }

  private synchronized DialingRules rules() {
    if (rules == null) {
      rules = DialingSettings.rules(settings);
    }
    return rules;
  }
}
