package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.config.Settings;
import dev.click2call.install.doctor.SoftphoneStatus;
import dev.click2call.testing.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 2: on a machine without a usable audio device (this one has no sound card) doctor
 * names the problem and what to do, and a call that fails on it ends with a reason a person
 * understands instead of {@code Unknown error -2}.
 */
class BaresipAudioTest extends LoopbackRigTest {
  private SoftphoneStatus doctor(String sectionJson) throws Exception {
    Path file = dir.resolve("doctor-config.json");
    Files.writeString(file, "{\"softphone\":\"baresip\",\"baresip\":" + sectionJson + "}");
    Settings settings = Settings.load(file, dir.resolve("none.json"));
    assertThat(BaresipDoctorCheck.relevant(settings, System.getenv())).isTrue();
    return new BaresipDoctorCheck(settings.section("baresip"), System.getenv(), dir).check();
  }

  @Test
  void doctorNamesAMissingAudioDeviceAndWhatToInstall() throws Exception {
    SoftphoneStatus status = doctor("{}");
    assertThat(status.found()).isFalse();
    assertThat(status.problem())
        .startsWith("no usable audio device")
        .contains("alsa: could not open");
    assertThat(status.fix()).contains("pipewire-alsa", "baresip.audioPlayer");
    assertThat(status.location()).contains("alsa,default");
  }

  @Test
  void doctorPassesDevicesThatOpen() throws Exception {
    SoftphoneStatus status =
        doctor("{\"audioSource\":\"ausine,440\",\"audioPlayer\":\"aubridge,nullplay\"}");
    assertThat(status.problem()).isNull();
    assertThat(status.found()).isTrue();
  }

  @Test
  void anAnsweredCallWithoutAudioDeviceEndsWithAReasonAPersonUnderstands() throws Exception {
    Map<String, Object> section = rig.baresipSection();
    section.remove("audioSource");
    section.remove("audioPlayer"); // auto: alsa,default, which does not open here
    HostProcess host = rig.startHost(Map.of("softphone", "baresip", "baresip", section), Map.of());
    LoopbackRig.awaitAvailable(host);
    Sipp caller = rig.callBaresip("uac_wait_bye.xml");
    host.awaitCall("incoming");
    host.request("answer");
    Map<String, Object> ended;
    try {
      ended = host.awaitCall("ended");
    } catch (AssertionError e) {
      throw new AssertionError(host.transcript() + "\n" + rig.baresipLog(), e);
    }
    assertThat((String) ended.get("reason"))
        .startsWith("no usable audio device")
        .contains("alsa")
        .doesNotContain("Unknown error");
    caller.close();
  }
}
