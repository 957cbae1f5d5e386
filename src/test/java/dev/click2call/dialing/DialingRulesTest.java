package dev.click2call.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialingRulesTest {
  @TempDir Path dir;

  private TargetParser parser(String dialingJson) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"dialing\":" + dialingJson + "}");
    return new TargetParser(DialingSettings.rules(Settings.load(file, null)));
  }

  @Test
  void asWrittenByDefault() throws Exception {
    TargetParser parser = new TargetParser(DialingRules.AS_WRITTEN);
    assertThat(parser.parse("+1 (555) 010-4477").value()).isEqualTo("+15550104477");
    assertThat(parser.parse("0049 30 1234-567").value()).isEqualTo("+49301234567");
    assertThat(parser.parse("555.010.4477 ext. 12").value()).isEqualTo("5550104477,12");
  }

  @Test
  void defaultCountryMakesNationalNumbersE164() throws Exception {
    TargetParser de = parser("{\"defaultCountry\":\"DE\"}");
    assertThat(de.parse("030 1234567").value()).isEqualTo("+49301234567");
    assertThat(de.parse("0049 30 1234-567").value()).isEqualTo("+49301234567");
    assertThat(de.parse("123").value()).isEqualTo("123"); // an extension stays as is
    TargetParser us = parser("{\"defaultCountry\":\"US\"}");
    assertThat(us.parse("555.010.4477 ext. 12").value()).isEqualTo("+15550104477,12");
  }

  @Test
  void outsideLineAndInternationalPrefix() throws Exception {
    TargetParser pbx =
        parser(
            "{\"defaultCountry\":\"DE\",\"internationalPrefix\":\"00\",\"outsideLinePrefix\":\"0\"}");
    assertThat(pbx.parse("+1 (555) 010-4477").value())
        .isEqualTo("0001 5550104477".replace(" ", ""));
    assertThat(pbx.parse("030 1234567").value()).isEqualTo("00049301234567");
    assertThat(pbx.parse("4711").value()).isEqualTo("4711");
  }

  @Test
  void badSettingsRefuseEveryNumberNamingFileAndKey() throws Exception {
    TargetParser bad = parser("{\"defaultCountry\":\"Germany\"}");
    assertThatThrownBy(() -> bad.parse("+4930123456"))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageContaining("config.json")
        .hasMessageContaining("dialing.defaultCountry");
    Path file = dir.resolve("c2.json");
    Files.writeString(file, "{\"dialing\":{\"outsideLinePrefix\":\"9\"}}");
    assertThatThrownBy(() -> DialingSettings.read(Settings.load(file, null).section("dialing")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("internationalPrefix");
  }

  @Test
  void deferredRulesBehaveLikeTheRulesReadAtOnce() throws Exception {
    Path file = dir.resolve("deferred.json");
    Files.writeString(file, "{\"dialing\":{\"defaultCountry\":\"DE\"}}");
    TargetParser deferred = new TargetParser(new DeferredDialingRules(Settings.load(file, null)));
    assertThat(deferred.parse("030 1234567").value()).isEqualTo("+49301234567");
    assertThat(deferred.parse("0049 30 1234-567").value()).isEqualTo("+49301234567");

    Files.writeString(file, "{\"dialing\":{\"defaultCountry\":\"Germany\"}}");
    TargetParser bad = new TargetParser(new DeferredDialingRules(Settings.load(file, null)));
    assertThatThrownBy(() -> bad.parse("+4930123456"))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageContaining("deferred.json")
        .hasMessageContaining("dialing.defaultCountry");
  }
}
