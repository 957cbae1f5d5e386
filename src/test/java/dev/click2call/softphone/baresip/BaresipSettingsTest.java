package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.config.ConfigException;
import dev.click2call.config.Settings;
import dev.click2call.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaresipSettingsTest {
  @TempDir Path dir;

  private BaresipSettings load(String sectionJson) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"softphone\":\"baresip\",\"baresip\":" + sectionJson + "}");
    Settings settings = Settings.load(file, dir.resolve("none.json"));
    assertThat(settings.softphone()).isEqualTo("baresip");
    return BaresipSettings.from(settings.section("baresip"), Os.LINUX);
  }

  @Test
  void defaultsAvoidTheUsualSipPortAndUseTheOsAudio() throws Exception {
    BaresipSettings settings = load("{}");
    assertThat(settings.mode()).isEqualTo("auto");
    assertThat(settings.sipPort()).isEqualTo(5062);
    assertThat(settings.ctrlPort()).isEqualTo(4444);
    assertThat(settings.audioSource()).isEqualTo("auto");
    assertThat(settings.effectiveDomain()).isNull();
  }

  @Test
  void autoAudioIsPulseWhenBaresipHasItElseAlsaDefault(@TempDir Path modules) throws Exception {
    assertThat(AudioDevices.resolve("auto", modules)).isEqualTo("alsa,default");
    Files.writeString(modules.resolve("pulse.so"), "");
    assertThat(AudioDevices.resolve("auto", modules)).isEqualTo("pulse");
    assertThat(AudioDevices.resolve("ausine,440", modules)).isEqualTo("ausine,440");
    String config =
        ConfigDirWriter.config(load("{}"), modules, new ConfigDirWriter.Control(1, "x"));
    assertThat(config).contains("audio_player\t\tpulse\n", "module\t\t\tpulse.so");
  }

  @Test
  void theDomainComesFromTheSettingOrTheAccount() throws Exception {
    assertThat(load("{\"account\":\"<sip:alice@pbx.example.com>;auth_pass=x\"}").effectiveDomain())
        .isEqualTo("pbx.example.com");
    assertThat(
            load("{\"account\":\"<sip:alice@pbx.example.com>\",\"domain\":\"sbc.example.com:5070\"}")
                .effectiveDomain())
        .isEqualTo("sbc.example.com:5070");
  }

  @Test
  void badValuesNameTheFileAndKey() {
    assertThatThrownBy(() -> load("{\"sipPort\":70000}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config.json")
        .hasMessageContaining("baresip.sipPort");
    assertThatThrownBy(() -> load("{\"rtpPorts\":\"100-200\"}"))
        .hasMessageContaining("baresip.rtpPorts");
    assertThatThrownBy(() -> load("{\"listenAddress\":\"lo\"}"))
        .hasMessageContaining("baresip.listenAddress");
    assertThatThrownBy(() -> load("{\"account\":\"<sip:a@b>\\nmodule evil.so\"}"))
        .hasMessageContaining("baresip.account");
    assertThatThrownBy(() -> load("{\"audioSource\":\"alsa,default\\nmodule x\"}"))
        .hasMessageContaining("baresip.audioSource");
    assertThatThrownBy(() -> load("{\"domain\":\"a b\"}")).hasMessageContaining("baresip.domain");
    assertThatThrownBy(() -> load("{\"mode\":\"sometimes\"}")).hasMessageContaining("baresip.mode");
    assertThatThrownBy(() -> load("{\"ctrlport\":1}")).hasMessageContaining("not a known setting");
  }

  @Test
  void theGeneratedConfigHasTheChosenPortsAndOnlyThePrivateSessionAsControl() throws Exception {
    BaresipSettings settings =
        load(
            "{\"sipPort\":15060,\"ctrlPort\":15099,\"listenAddress\":\"127.0.0.1\","
                + "\"rtpPorts\":\"21000-21010\",\"audioSource\":\"ausine,440\","
                + "\"audioPlayer\":\"aubridge,nullplay\"}");
    String config =
        ConfigDirWriter.config(
            settings, Path.of("/mods"), new ConfigDirWriter.Control(40001, "s3cret"));
    assertThat(config)
        .contains("sip_listen\t\t127.0.0.1:15060", "net_interface\t\t127.0.0.1")
        .contains("mqtt_broker_port\t40001", "mqtt_broker_password\ts3cret")
        .contains("mqtt_broker_host\t127.0.0.1", "rtp_ports\t\t21000-21010")
        .contains("module_path\t\t/mods", "module\t\t\tausine.so", "module\t\t\taubridge.so")
        .contains("ausrc_srate\t\t48000", "call_max_calls\t\t1")
        .doesNotContain("stdio.so", "cons.so", "httpd.so", "ctrl_tcp", "15099");
    assertThat(ConfigDirWriter.accounts(settings))
        .isEqualTo(
            "<sip:click2call@127.0.0.1>;regint=0;answermode=manual;audio_codecs=pcmu,pcma\n");
    assertThat(ConfigDirWriter.accounts(load("{\"account\":\"<sip:a@pbx>;auth_pass=p\"}")))
        .isEqualTo("<sip:a@pbx>;auth_pass=p;answermode=manual\n");
  }
}
