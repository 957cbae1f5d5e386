package dev.click2call.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.softphone.microsip.MicroSipCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class HostileTargetsTest {
  static final java.util.List<String> CORPUS = HostileTargets.CORPUS;

  private final TargetParser parser = new TargetParser(DialingRules.AS_WRITTEN);
  private final TargetParser configured =
      new TargetParser(new ConfiguredDialingRules("US", "011", "9", 5));

  @Test
  void theCorpusIsLargeAndDistinct() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @FieldSource("CORPUS")
  void everyHostileTargetIsRefused(String target) {
    assertThatThrownBy(() -> parser.parse(target)).isInstanceOf(InvalidTargetException.class);
    assertThatThrownBy(() -> configured.parse(target)).isInstanceOf(InvalidTargetException.class);
  }

  @ParameterizedTest
  @FieldSource("CORPUS")
  void noHostileTargetIsAMicroSipDialString(String target) {
    assertThat(MicroSipCommands.isSafeDialString(target)).isFalse();
  }
}
