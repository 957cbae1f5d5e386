package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
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

  @Test
  void refusesScriptLaunchersThatWindowsRunsThroughAnInterpreter() {
    for (String launcher :
        List.of(
            "C:\\Click2Call\\click2call.bat",
            "C:\\Click2Call\\click2call.cmd",
            "C:\\Click2Call\\CLICK2CALL.CMD",
            "C:\\Click2Call\\hook.ps1",
            "C:\\Click2Call\\hook.vbs",
            "C:\\Click2Call\\hook.bat.",
            "C:\\Click2Call\\hook.cmd. .",
            "C:\\My Tools\\hook.bat")) {
      assertThatThrownBy(() -> HookValues.valueFor(launcher, HookKey.CALL_RING))
          .as(launcher)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1&calc")
          .hasMessageContaining("click2call-hook.exe");
    }
  }

  @Test
  void theNativeHookProgramTakesTheEventAsItsFirstArgument() {
    String value =
        HookValues.valueFor("C:\\Program Files\\Click2Call\\click2call-hook.exe", HookKey.CALL_END);
    assertThat(value).isEqualTo("\"C:\\Program Files\\Click2Call\\click2call-hook.exe\" call-end");
    assertThat(HookValues.isOurs(value, HookKey.CALL_END)).isTrue();
    assertThat(HookValues.isOurs("\"" + value + "\"", HookKey.CALL_END)).isTrue();
    assertThat(HookValues.isOurs(value, HookKey.CALL_START)).isFalse();
    assertThat(HookValues.isOurs("C:\\other\\hook.exe call-end", HookKey.CALL_END)).isFalse();
    // MicroSIP runs the file with the event, then the caller's id as the last argument.
    assertThat(HookValues.argvFor(value, "1&calc"))
        .containsExactly(
            "C:\\Program Files\\Click2Call\\click2call-hook.exe", "call-end", "1&calc");
  }

  @Test
  void theJarLauncherFormIsStillRecognised() {
    String value = HookValues.valueFor("/opt/click2call/bin/click2call", HookKey.CALL_START);
    assertThat(value).isEqualTo("/opt/click2call/bin/click2call hook call-start");
    assertThat(HookValues.isOurs(value, HookKey.CALL_START)).isTrue();
  }

  @Test
  void aHookWithTheUsersOwnCommandChainedGoesThroughTheHookRunnerSoThatCommandStillRuns() {
    String program = "C:\\Program Files\\Click2Call\\click2call-hook.exe";
    Map<String, String> values =
        HookValues.valuesFor(program, Set.of(HookKey.INCOMING_CALL.iniKey()));
    // The native program only forwards the event: the user's command would never run again.
    assertThat(values.get(HookKey.INCOMING_CALL.iniKey()))
        .isEqualTo("\"C:\\Program Files\\Click2Call\\click2call-host.exe\" hook incoming-call");
    assertThat(HookValues.isOurs(values.get(HookKey.INCOMING_CALL.iniKey()), HookKey.INCOMING_CALL))
        .isTrue();
    // Every other hook keeps the fast native program.
    values.forEach(
        (key, value) -> {
          if (!key.equals(HookKey.INCOMING_CALL.iniKey())) {
            assertThat(value).startsWith("\"" + program + "\" ");
          }
        });
  }

  @Test
  void withAJavaLauncherNothingChanges() {
    Map<String, String> values =
        HookValues.valuesFor("/opt/click2call/click2call", Set.of(HookKey.INCOMING_CALL.iniKey()));
    assertThat(values.get(HookKey.INCOMING_CALL.iniKey()))
        .isEqualTo("/opt/click2call/click2call hook incoming-call");
  }
}
