package dev.click2call.dialing;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.click2call.config.ConfigException;
import dev.click2call.config.ConfigNode;
import dev.click2call.config.Settings;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code dialing} settings section into {@link DialingRules}. */
public final class DialingSettings {
  public static final Set<String> KEYS =
      Set.of("defaultCountry", "internationalPrefix", "outsideLinePrefix", "extensionMaxDigits");

  private static final Pattern PREFIX = Pattern.compile("[0-9*#]{1,6}");

  private DialingSettings() {}

  /**
   * The configured rules; when the section is invalid, rules that refuse every number with the
   * problem (naming file and key), so nothing is dialed with rules the administrator did not mean.
   */
  public static DialingRules rules(Settings settings) {
    try {
      return read(settings.section("dialing"));
    } catch (ConfigException e) {
      String problem = e.getMessage();
      return digits -> {
        throw new InvalidTargetException("the dialing settings are invalid: " + problem);
      };
    }
  }

  public static DialingRules read(ConfigNode node) throws ConfigException {
    node.requireKnownKeys(KEYS);
    if (KEYS.stream().noneMatch(node::has)) {
      return DialingRules.AS_WRITTEN;
    }
    String country = node.string("defaultCountry", null);
    if (country != null && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
      throw node.error("defaultCountry", "must be an ISO 3166 two-letter country code such as DE");
    }
    String international = prefix(node, "internationalPrefix");
    String outside = prefix(node, "outsideLinePrefix");
    if (outside != null && international == null) {
      // "9+49..." is not dialable: behind an outside line the '+' must become digits.
      throw node.error("outsideLinePrefix", "needs internationalPrefix as well (e.g. \"00\")");
    }
    return new ConfiguredDialingRules(
        country, international, outside, node.integer("extensionMaxDigits", 5, 0, 10));
  }

  private static String prefix(ConfigNode node, String key) throws ConfigException {
    String value = node.string(key, null);
    if (value != null && !PREFIX.matcher(value).matches()) {
      throw node.error(key, "must be 1 to 6 characters from 0-9, * and #");
    }
    return value;
  }
}
