package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.host.ExtensionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
  @TempDir Path temp;

  private final ExtensionIds ids = ExtensionIds.bundled();

  private static List<Path> files(Path root) throws Exception {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void installWritesOneManifestPerBrowserPointingAtTheLauncherWithTheProjectIds() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Installer installer = new Installer(new BrowserTable(env), ids);
    Path launcher = Fixtures.workingLauncher(temp.resolve("app"));
    Path udd = temp.resolve("chromium-profile");
    installer.apply(
        installer.planInstall(
            List.of(Browser.CHROMIUM, Browser.FIREFOX),
            Scope.USER,
            Optional.of(udd),
            Launcher.existing(launcher)),
        false);

    Map<String, Object> chromium =
        JSON.std.mapFrom(
            Files.readString(udd.resolve("NativeMessagingHosts/click2call.host.json")));
    assertThat(chromium.get("name")).isEqualTo("click2call.host");
    assertThat(chromium.get("path")).isEqualTo(launcher.toString());
    assertThat(chromium.get("type")).isEqualTo("stdio");
    assertThat(chromium.get("allowed_origins")).isEqualTo(ids.chromiumOrigins());
    Map<String, Object> firefox =
        JSON.std.mapFrom(
            Files.readString(
                env.home().resolve(".mozilla/native-messaging-hosts/click2call.host.json")));
    assertThat(firefox.get("allowed_extensions")).isEqualTo(ids.gecko());
    assertThat(firefox).doesNotContainKey("allowed_origins");
  }

  @Test
  void installIsIdempotentAndDryRunChangesNothing() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Installer installer = new Installer(new BrowserTable(env), ids);
    Launcher launcher = Launcher.existing(Fixtures.workingLauncher(temp.resolve("app")));
    List<Browser> all = Arrays.asList(Browser.values());
    List<Step> steps = installer.planInstall(all, Scope.USER, Optional.empty(), launcher);

    List<Installer.Outcome> dry = installer.apply(steps, true);
    assertThat(dry).allMatch(Installer.Outcome::changed);
    assertThat(files(env.home())).isEmpty();

    assertThat(installer.apply(steps, false)).allMatch(Installer.Outcome::changed);
    assertThat(installer.apply(steps, false)).noneMatch(Installer.Outcome::changed);
    // Firefox, Waterfox and Thunderbird share ~/.mozilla: one step, one file.
    assertThat(files(env.home())).hasSize(Browser.values().length - 2);
  }

  @Test
  void uninstallLeavesNothingBehind() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Installer installer = new Installer(new BrowserTable(env), ids);
    Path appDir = Files.createDirectories(temp.resolve("app"));
    Path jar = Files.writeString(appDir.resolve("click2call.jar"), "jar");
    Launcher generated =
        Launcher.forThisProcess(
            env.os(), Path.of(System.getProperty("java.home")), Optional.of(jar));
    List<Browser> all = Arrays.asList(Browser.values());
    Path udd = temp.resolve("udd");
    installer.apply(installer.planInstall(all, Scope.USER, Optional.of(udd), generated), false);
    assertThat(files(env.home())).isNotEmpty();
    assertThat(appDir.resolve(LauncherScripts.POSIX_NAME)).isExecutable();

    installer.apply(
        installer.planUninstall(
            all, Scope.USER, Optional.of(udd), Optional.of(generated.program())),
        false);
    assertThat(files(env.home())).isEmpty();
    assertThat(files(udd)).isEmpty();
    assertThat(files(appDir)).containsExactly(jar);
  }

  @Test
  void uninstallNeverDeletesALauncherItDidNotWrite() throws Exception {
    InstallEnvironment env = Fixtures.linux(temp);
    Installer installer = new Installer(new BrowserTable(env), ids);
    Path own = Fixtures.script(temp.resolve("mine/click2call-host"), "echo mine");
    installer.apply(
        installer.planUninstall(
            List.of(Browser.CHROME), Scope.USER, Optional.empty(), Optional.of(own)),
        false);
    assertThat(own).exists();
  }

  @Test
  void windowsUserInstallWritesHkcuKeysPointingAtPerFamilyManifests() throws Exception {
    InMemoryRegistry registry = new InMemoryRegistry();
    InstallEnvironment env = Fixtures.windows(temp, registry);
    Installer installer = new Installer(new BrowserTable(env), ids);
    Launcher launcher = Launcher.existing(Fixtures.workingLauncher(temp.resolve("app")));
    List<Browser> all = Arrays.asList(Browser.values());
    installer.apply(installer.planInstall(all, Scope.USER, Optional.empty(), launcher), false);

    Path manifests = env.home().resolve("AppData/Local/click2call/native-messaging");
    assertThat(
            registry.readDefault(
                RegistryHive.HKCU,
                RegistryView.BITS_32,
                "SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\click2call.host"))
        .contains(manifests.resolve("click2call.host.chromium.json").toString());
    assertThat(
            registry.readDefault(
                RegistryHive.HKCU,
                RegistryView.BITS_64,
                "SOFTWARE\\Mozilla\\NativeMessagingHosts\\click2call.host"))
        .contains(manifests.resolve("click2call.host.gecko.json").toString());
    // Chrome (shared by Brave, Vivaldi, Opera), Chromium, Edge, Mozilla.
    assertThat(registry.keyCount()).isEqualTo(4);

    installer.apply(
        installer.planUninstall(all, Scope.USER, Optional.empty(), Optional.empty()), false);
    assertThat(registry.keyCount()).isZero();
    assertThat(files(env.home())).isEmpty();
  }

  @Test
  void aRelativeOrMissingLauncherIsRefusedWithAReason() {
    assertThatThrownBy(() -> Launcher.existing(Path.of("click2call-host")))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> Launcher.existing(temp.resolve("missing")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void systemScopeForABrowserWithoutASystemFolderSaysSo() throws Exception {
    Installer installer = new Installer(new BrowserTable(Fixtures.linux(temp)), ids);
    Launcher launcher = Launcher.existing(Fixtures.workingLauncher(temp.resolve("app")));
    assertThatThrownBy(
            () ->
                installer.planInstall(
                    List.of(Browser.VIVALDI), Scope.SYSTEM, Optional.empty(), launcher))
        .hasMessageContaining("Vivaldi")
        .hasMessageContaining("--scope user");
  }
}
