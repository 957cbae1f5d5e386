package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.install.ManifestLocation.RegistryKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserTableTest {
  @TempDir Path temp;

  private List<String> windowsOrder(Browser browser) throws Exception {
    BrowserTable table = new BrowserTable(Fixtures.windows(temp, new InMemoryRegistry()));
    return table.lookupOrder(browser, Optional.empty()).stream()
        .map(ManifestLocation::describe)
        .toList();
  }

  @Test
  void chromeSearchesUserThenMachineAnd32BitViewFirst() throws Exception {
    String key = "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\click2call.host";
    assertThat(windowsOrder(Browser.CHROME))
        .containsExactly(
            "HKCU\\" + key + " (32-bit view)",
            "HKCU\\" + key + " (64-bit view)",
            "HKLM\\" + key + " (32-bit view)",
            "HKLM\\" + key + " (64-bit view)");
  }

  @Test
  void braveVivaldiAndOperaUseChromesKeyOnWindows() throws Exception {
    assertThat(windowsOrder(Browser.BRAVE)).isEqualTo(windowsOrder(Browser.CHROME));
    assertThat(windowsOrder(Browser.VIVALDI)).isEqualTo(windowsOrder(Browser.CHROME));
    assertThat(windowsOrder(Browser.OPERA)).isEqualTo(windowsOrder(Browser.CHROME));
  }

  @Test
  void chromiumChecksItsOwnKeyBeforeChromesInEachView() throws Exception {
    assertThat(windowsOrder(Browser.CHROMIUM).subList(0, 2))
        .containsExactly(
            "HKCU\\SOFTWARE\\Chromium\\NativeMessagingHosts\\click2call.host (32-bit view)",
            "HKCU\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\click2call.host (32-bit view)");
  }

  @Test
  void edgeSearchesHkcuOnceThenHklm32Then64WithItsFallbackKeys() throws Exception {
    List<String> order = windowsOrder(Browser.EDGE);
    assertThat(order).hasSize(9);
    assertThat(order.get(0)).startsWith("HKCU\\SOFTWARE\\Microsoft\\Edge\\");
    assertThat(order.get(1)).startsWith("HKCU\\SOFTWARE\\Chromium\\");
    assertThat(order.get(2)).startsWith("HKCU\\SOFTWARE\\Google\\Chrome\\");
    assertThat(order.get(3))
        .startsWith("HKLM\\SOFTWARE\\Microsoft\\Edge\\")
        .endsWith("(32-bit view)");
    assertThat(order.get(6))
        .startsWith("HKLM\\SOFTWARE\\Microsoft\\Edge\\")
        .endsWith("(64-bit view)");
  }

  @Test
  void geckoBrowsersShareTheMozillaKeyHkcuThenHklm32Then64() throws Exception {
    String key = "SOFTWARE\\Mozilla\\NativeMessagingHosts\\click2call.host";
    List<String> expected =
        List.of(
            "HKCU\\" + key + " (64-bit view)",
            "HKLM\\" + key + " (32-bit view)",
            "HKLM\\" + key + " (64-bit view)");
    for (Browser browser :
        List.of(Browser.FIREFOX, Browser.LIBREWOLF, Browser.WATERFOX, Browser.THUNDERBIRD)) {
      assertThat(windowsOrder(browser)).as(browser.id()).isEqualTo(expected);
    }
  }

  @Test
  void linuxUserFolderFollowsACustomUserDataDirForChromiumOnly() throws Exception {
    BrowserTable table = new BrowserTable(Fixtures.linux(temp));
    Path udd = temp.resolve("profile");
    List<ManifestLocation> chromium = table.lookupOrder(Browser.CHROMIUM, Optional.of(udd));
    assertThat(((ManifestLocation.Folder) chromium.get(0)).manifestFile())
        .isEqualTo(udd.resolve("NativeMessagingHosts/click2call.host.json"));
    assertThat(chromium.get(1).describe())
        .isEqualTo(
            temp.resolve("root/etc/chromium/native-messaging-hosts/click2call.host.json")
                .toString());
    List<ManifestLocation> firefox = table.lookupOrder(Browser.FIREFOX, Optional.of(udd));
    assertThat(firefox.get(0).describe())
        .isEqualTo(
            temp.resolve("home/.mozilla/native-messaging-hosts/click2call.host.json").toString());
  }

  @Test
  void chromiumBrowsersHonourXdgConfigHomeOnLinux() throws Exception {
    Path config = temp.resolve("xdg");
    BrowserTable table =
        new BrowserTable(
            Fixtures.linux(temp, java.util.Map.of("XDG_CONFIG_HOME", config.toString())));
    assertThat(table.lookupOrder(Browser.CHROME, Optional.empty()).get(0).describe())
        .isEqualTo(
            config.resolve("google-chrome/NativeMessagingHosts/click2call.host.json").toString());
  }

  @Test
  void windowsTargetsWriteTheNativeViewOfTheScopesHive() throws Exception {
    BrowserTable table = new BrowserTable(Fixtures.windows(temp, new InMemoryRegistry()));
    InstallTarget user =
        table.target(Browser.EDGE, Scope.USER, Optional.empty(), temp).orElseThrow();
    RegistryKey key = user.key().orElseThrow();
    assertThat(key.hive()).isEqualTo(RegistryHive.HKCU);
    assertThat(key.key())
        .isEqualTo("SOFTWARE\\Microsoft\\Edge\\NativeMessagingHosts\\click2call.host");
    InstallTarget machine =
        table
            .target(Browser.FIREFOX, Scope.SYSTEM, Optional.empty(), temp.resolve("app"))
            .orElseThrow();
    assertThat(machine.key().orElseThrow().hive()).isEqualTo(RegistryHive.HKLM);
    assertThat(machine.manifestFile()).isEqualTo(temp.resolve("app/click2call.host.gecko.json"));
  }

  @Test
  void browsersWithoutAKnownSystemFolderRefuseSystemScope() throws Exception {
    BrowserTable table = new BrowserTable(Fixtures.linux(temp));
    assertThat(table.target(Browser.BRAVE, Scope.SYSTEM, Optional.empty(), temp)).isEmpty();
    assertThat(table.target(Browser.BRAVE, Scope.USER, Optional.empty(), temp)).isPresent();
  }
}
