package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.config.Settings;
import dev.click2call.platform.Os;
import dev.click2call.softphone.Readiness;
import dev.click2call.softphone.Registration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running baresip is "ready" only when a clicked number can really be dialed. */
class BaresipReadinessTest {
  @TempDir Path dir;

  private BaresipSettings load(String sectionJson) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"softphone\":\"baresip\",\"baresip\":" + sectionJson + "}");
    return BaresipSettings.from(
        Settings.load(file, dir.resolve("none.json")).section("baresip"), Os.LINUX);
  }

  @Test
  void theDefaultsWithoutADomainAreNotReadyAndSayWhereToSetIt() throws Exception {
    Path config = dir.resolve("config.json");
    Readiness readiness = BaresipReadiness.of(load("{}"), true, null, config);
    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.code()).isEqualTo("needs_domain");
    assertThat(readiness.message()).contains("\"domain\"", "\"account\"", config.toString());
  }

  @Test
  void aMissingDomainIsReportedEvenBeforeBaresipIsUp() throws Exception {
    assertThat(BaresipReadiness.of(load("{}"), false, null, dir).code()).isEqualTo("needs_domain");
  }

  @Test
  void aDomainOrAnAccountMakesARunningBaresipReady() throws Exception {
    assertThat(BaresipReadiness.of(load("{\"domain\":\"pbx.example.com\"}"), true, null, dir))
        .isEqualTo(Readiness.READY);
    Registration ok = new Registration(Registration.State.REGISTERED, "200 OK", 1);
    assertThat(
            BaresipReadiness.of(
                load("{\"account\":\"<sip:alice@pbx.example.com>\"}"), true, ok, dir))
        .isEqualTo(Readiness.READY);
  }

  @Test
  void notRunningOrARefusedRegistrationIsNotReady() throws Exception {
    BaresipSettings settings = load("{\"account\":\"<sip:alice@pbx.example.com>\"}");
    assertThat(BaresipReadiness.of(settings, false, null, dir).code()).isEqualTo("unavailable");
    Registration refused = new Registration(Registration.State.FAILED, "403 Forbidden", 1);
    Readiness readiness = BaresipReadiness.of(settings, true, refused, dir);
    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.code()).isEqualTo("not_registered");
    assertThat(readiness.message()).contains("403 Forbidden");
  }

  @Test
  void theAdapterReportsItsReadiness() throws Exception {
    try (BaresipSoftphone softphone =
        BaresipSoftphone.create(load("{}"), null, dir, dir.resolve("baresip.log"))) {
      assertThat(softphone.readiness().code()).isEqualTo("needs_domain");
    }
  }
}
