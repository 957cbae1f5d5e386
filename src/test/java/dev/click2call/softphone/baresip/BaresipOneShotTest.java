package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.config.Settings;
import dev.click2call.dialing.DialingSettings;
import dev.click2call.dialing.TargetParser;
import dev.click2call.json.Json;
import dev.click2call.softphone.Softphone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code click2call dial} does with baresip: the adapter is created and asked to dial, and no
 * host ever calls its {@code start()}. The request itself must start baresip and send the INVITE.
 */
class BaresipOneShotTest extends LoopbackRigTest {
  @Test
  void aDialWithoutStartStartsBaresipAndPlacesTheCall() throws Exception {
    LoopbackRig.requireTool("baresip");
    LoopbackRig.requireTool("sipp");
    Path config = dir.resolve("config.json");
    Files.write(
        config, Json.encode(Map.of("softphone", "baresip", "baresip", rig.baresipSection())));
    Settings settings = Settings.load(config, dir.resolve("none.json"));
    Map<String, String> env =
        Map.of(
            "PATH", System.getenv("PATH"),
            "CLICK2CALL_RUNTIME_DIR", dir.resolve("run").toString(),
            "CLICK2CALL_LOG_DIR", dir.resolve("logs").toString());
    Sipp far = rig.sipp("uas_answer.xml", List.of("-set", "rtpport", "9"));

    try (Softphone softphone = BaresipFactory.create(settings.section("baresip"), env)) {
      assertThat(softphone.kind()).isEqualTo("baresip");
      String dialed =
          softphone.dial(new TargetParser(DialingSettings.rules(settings)).parse(rig.sippUri()));
      assertThat(dialed).isEqualTo(rig.sippUri());
      assertThat(softphone.available()).isTrue();
    }
    // Closing the adapter ends the baresip it started, and the call with it (CANCEL): a one-shot
    // dial that should outlive the command attaches to a running baresip instead.
    far.awaitExit(15_000);
    assertThat(far.trace()).contains("INVITE " + rig.sippUri());
  }
}
