package dev.click2call.install.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.host.ExtensionIds;
import dev.click2call.host.OrganisationIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserTable;
import dev.click2call.install.Fixtures;
import dev.click2call.install.ForceInstallPolicy;
import dev.click2call.install.InstallEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionIdCheckTest {
  private static final String ORG_ID = "abcdefghijklmnopabcdefghijklmnop";

  @TempDir Path temp;

  private Section check(InstallEnvironment env, OrganisationIds.Loaded organisation) {
    return new ExtensionIdCheck(
            ExtensionIds.bundled(),
            temp.resolve("allowed-extensions.json"),
            organisation,
            new ExtensionIds(List.of(), List.of()),
            new ForceInstallPolicy(new BrowserTable(env)))
        .check(List.of(Browser.CHROMIUM, Browser.FIREFOX));
  }

  private void chromiumPolicy(InstallEnvironment env, String json) throws Exception {
    Path folder = Files.createDirectories(env.system("/etc/chromium/policies/managed"));
    Files.writeString(folder.resolve("corp.json"), json);
  }

  @Test
  void warnsWhenThePolicyForceInstallsAnIdTheHostDoesNotAllow() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    chromiumPolicy(
        env, "{\"ExtensionInstallForcelist\": [\"" + ORG_ID + ";http://127.0.0.1/update.xml\"]}");
    Section section =
        check(env, new OrganisationIds.Loaded(new ExtensionIds(List.of(), List.of()), null));
    assertThat(section.findings())
        .anySatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(Finding.Status.WARN);
              assertThat(f.message()).contains("Chromium policy force-installs " + ORG_ID);
              assertThat(f.fix()).contains("--extension-id " + ORG_ID);
            });
    assertThat(section.failed()).isFalse();
  }

  @Test
  void reportsTheAllowedIdsAndAcceptsAForceInstalledOrganisationId() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    chromiumPolicy(
        env,
        "{\"ExtensionSettings\": {\""
            + ORG_ID
            + "\": {\"installation_mode\": \"force_installed\", \"update_url\": \"http://x/u.xml\"},"
            + " \"*\": {\"installation_mode\": \"blocked\"}}}");
    Path firefox = Files.createDirectories(env.system("/etc/firefox/policies"));
    Files.writeString(
        firefox.resolve("policies.json"),
        "{\"policies\": {\"ExtensionSettings\": {\"c2c@corp.example\":"
            + " {\"installation_mode\": \"force_installed\", \"install_url\": \"http://x/c.xpi\"}}}}");
    Section section =
        check(
            env,
            new OrganisationIds.Loaded(
                new ExtensionIds(List.of(ORG_ID), List.of("c2c@corp.example")), null));
    assertThat(section.findings()).noneMatch(f -> f.status() == Finding.Status.WARN);
    assertThat(section.findings())
        .anySatisfy(f -> assertThat(f.message()).contains("organisation ids from").contains(ORG_ID))
        .anySatisfy(
            f -> assertThat(f.message()).contains("Chromium policy force-installs " + ORG_ID))
        .anySatisfy(
            f ->
                assertThat(f.message())
                    .contains("Firefox policy force-installs c2c@corp.example, which the host"));
    assertThat(section.verdict()).contains(ORG_ID).contains("mhlbmjkkkedfmppgfdalengljggeoagn");
  }

  @Test
  void anUnusableOrganisationFileFails() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Section section =
        check(env, new OrganisationIds.Loaded(new ExtensionIds(List.of(), List.of()), "bad file"));
    assertThat(section.failed()).isTrue();
  }
}
