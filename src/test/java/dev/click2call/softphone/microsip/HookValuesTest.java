package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HookValuesTest {
  @Test
  void pathWithoutSpacesIsWrittenBare() {
    assertThat(HookValues.valueFor("C:\\Tools\\click2call.exe", HookKey.CALL_START))
        .isEqualTo("C:\\Tools\\click2call.exe hook call-start");
  }

  @Test
  void pathWithSpacesIsQuotedAndTheValueDoesNotEndWithAQuote() {
    String value = HookValues.valueFor("C:\\My Tools\\click2call.exe", HookKey.CALL_END);
    assertThat(value).isEqualTo("\"C:\\My Tools\\click2call.exe\" hook call-end");
    // GetPrivateProfileString strips outer quotes only when the value also ends with one.
    assertThat(HookValues.profileValue(value)).isEqualTo(value);
    assertThat(HookValues.argvFor(value, "+4930123"))
        .containsExactly("C:\\My Tools\\click2call.exe", "hook", "call-end", "+4930123");
  }

  @Test
  void survivesMicroSip322QuoteWrappingOnSave() {
    String value = HookValues.valueFor("C:\\My Tools\\click2call.exe", HookKey.CALL_RING);
    String savedByMicroSip = "\"" + value + "\"";
    assertThat(HookValues.profileValue(savedByMicroSip)).isEqualTo(value);
    assertThat(HookValues.isOurs(savedByMicroSip, HookKey.CALL_RING)).isTrue();
    assertThat(HookValues.isOurs(savedByMicroSip, HookKey.CALL_END)).isFalse();
  }

  @Test
  void aBareQuotedPathWithSpacesIsBrokenTheWayMicroSipBreaksIt() {
    // cmdCallRing="C:\My Tools\h.exe" is read without quotes and split at the space.
    assertThat(HookValues.argvFor("\"C:\\My Tools\\h.exe\"", "1"))
        .containsExactly("C:\\My", "Tools\\h.exe", "1");
    assertThat(HookValues.argvFor("\"\"C:\\My Tools\\h.exe\"\"", "1"))
        .containsExactly("C:\\My Tools\\h.exe", "1");
  }

  @Test
  void refusesLaunchersThatCannotBeExpressed() {
    assertThatThrownBy(() -> HookValues.valueFor("C:\\a\"b.exe", HookKey.CALL_START))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HookValues.valueFor("C:\\" + "x".repeat(300), HookKey.CALL_START))
        .hasMessageContaining("255");
  }

  @Test
  void splitsLikeCommandLineToArgv() {
    assertThat(HookValues.split("a \"b c\" d\\\"e f\\\\\"g h\""))
        .isEqualTo(List.of("a", "b c", "d\"e", "f\\g h"));
  }
}
