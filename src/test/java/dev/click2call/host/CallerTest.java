package dev.click2call.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTest {
  private static final String OWN_ID = "mhlbmjkkkedfmppgfdalengljggeoagn";
  private final CallerPolicy policy =
      new CallerPolicy(ExtensionIds.bundled(), List.of(), List.of("extra@example.org"));

  @Test
  void chromiumPassesTheOriginFirstAndWindowsAddsAParentWindow() {
    String[] args = {"chrome-extension://" + OWN_ID + "/", "--parent-window=0"};
    assertThat(Caller.isBrowserLaunch(args)).isTrue();
    Caller caller = Caller.fromLaunchArgs(args);
    assertThat(caller).isEqualTo(new Caller(Caller.Family.CHROMIUM, OWN_ID));
    assertThat(policy.allows(caller)).isTrue();
  }

  @Test
  void extraChromiumArgumentsAreIgnored() {
    String[] args = {
      "chrome-extension://" + OWN_ID + "/",
      "--reconnect-command=e30=",
      "--native-messaging-connect-id=1"
    };
    assertThat(policy.allows(Caller.fromLaunchArgs(args))).isTrue();
  }

  @Test
  void firefoxPassesTheManifestPathAndTheAddonId() {
    String[] args = {
      "/home/u/.mozilla/native-messaging-hosts/click2call.host.json", "click2call@click2call.dev"
    };
    assertThat(Caller.isBrowserLaunch(args)).isTrue();
    Caller caller = Caller.fromLaunchArgs(args);
    assertThat(caller.family()).isEqualTo(Caller.Family.GECKO);
    assertThat(policy.allows(caller)).isTrue();
  }

  @Test
  void settingsCanAddExtensions() {
    String[] args = {"C:\\x\\click2call.host.json", "extra@example.org"};
    assertThat(policy.allows(Caller.fromLaunchArgs(args))).isTrue();
  }

  @Test
  void foreignAndMalformedCallersAreRefused() {
    assertThat(
            policy.allows(
                Caller.fromLaunchArgs(new String[] {"chrome-extension://" + "a".repeat(32) + "/"})))
        .isFalse();
    assertThat(Caller.fromLaunchArgs(new String[] {"chrome-extension://not-an-id/"})).isNull();
    assertThat(Caller.fromLaunchArgs(new String[] {"chrome-extension://" + OWN_ID + "/../x"}))
        .isNull();
    assertThat(policy.allows(Caller.fromLaunchArgs(new String[] {"/m.json", "evil@example.org"})))
        .isFalse();
    assertThat(policy.allows(null)).isFalse();
  }

  @Test
  void cliCommandsAreNotBrowserLaunches() {
    assertThat(Caller.isBrowserLaunch(new String[] {})).isFalse();
    assertThat(Caller.isBrowserLaunch(new String[] {"selftest"})).isFalse();
    assertThat(Caller.isBrowserLaunch(new String[] {"dial", "+15550104477"})).isFalse();
    assertThat(Caller.isBrowserLaunch(new String[] {"install", "--browser", "chrome"})).isFalse();
  }

  @Test
  void chromiumIdsAreExactly32LettersFromAToP() {
    String prefix = "chrome-extension://";
    assertThat(Caller.fromLaunchArgs(new String[] {prefix + OWN_ID}))
        .isEqualTo(new Caller(Caller.Family.CHROMIUM, OWN_ID));
    for (String bad :
        new String[] {
          OWN_ID.substring(1) + "/",
          OWN_ID + "a/",
          "q" + OWN_ID.substring(1) + "/",
          OWN_ID.toUpperCase(java.util.Locale.ROOT) + "/",
          OWN_ID + "//",
          "/" + OWN_ID,
          ""
        }) {
      assertThat(Caller.fromLaunchArgs(new String[] {prefix + bad})).as(bad).isNull();
    }
  }
}
