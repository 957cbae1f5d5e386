package dev.click2call.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationIdsTest {
  private static final String ORG_ID = "abcdefghijklmnopabcdefghijklmnop";

  @TempDir Path dir;

  @Test
  void theFileSitsBesideTheJarNamedFirstOnTheClassPath() {
    Path jar = dir.resolve("app").resolve("click2call.jar");
    assertThat(OrganisationIds.besideJar(jar.toString()))
        .isEqualTo(dir.resolve("app").resolve("allowed-extensions.json"));
    assertThat(OrganisationIds.besideJar(jar + File.pathSeparator + "/other/lib.jar"))
        .isEqualTo(dir.resolve("app").resolve("allowed-extensions.json"));
    assertThat(OrganisationIds.besideJar("target/classes" + File.pathSeparator + jar)).isNull();
    assertThat(OrganisationIds.besideJar("")).isNull();
  }

  @Test
  void readsBothFamiliesAndAnAbsentFileIsNoIdsAndNoProblem() throws Exception {
    Path file = dir.resolve("allowed-extensions.json");
    assertThat(OrganisationIds.read(file).ids().isEmpty()).isTrue();
    assertThat(OrganisationIds.read(file).problem()).isNull();
    Files.writeString(
        file, "{\"chromium\": [\"" + ORG_ID + "\"], \"gecko\": [\"c2c@corp.example\"]}");
    OrganisationIds.Loaded loaded = OrganisationIds.read(file);
    assertThat(loaded.problem()).isNull();
    assertThat(loaded.ids())
        .isEqualTo(new ExtensionIds(List.of(ORG_ID), List.of("c2c@corp.example")));
  }

  @Test
  void anythingUnexpectedAddsNoIdAtAll() throws Exception {
    Path file = dir.resolve("allowed-extensions.json");
    for (String text :
        List.of(
            "not json",
            "[]",
            "{\"chromium\": \"" + ORG_ID + "\"}",
            "{\"chromium\": [\"" + ORG_ID + "\", \"ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP\"]}",
            "{\"chromium\": [\"" + ORG_ID + "\"], \"other\": []}",
            "{\"gecko\": [\"no-at-sign\"]}",
            "{\"gecko\": [\"a b@c\"]}")) {
      Files.writeString(file, text);
      OrganisationIds.Loaded loaded = OrganisationIds.read(file);
      assertThat(loaded.ids().isEmpty()).as(text).isTrue();
      assertThat(loaded.problem()).as(text).isNotNull().contains(file.toString());
    }
  }

  @Test
  void idForms() {
    assertThat(OrganisationIds.isChromiumId(ORG_ID)).isTrue();
    assertThat(OrganisationIds.isChromiumId(ORG_ID + "a")).isFalse();
    assertThat(OrganisationIds.isChromiumId("qbcdefghijklmnopabcdefghijklmnop")).isFalse();
    assertThat(OrganisationIds.isGeckoId("c2c@corp.example")).isTrue();
    assertThat(OrganisationIds.isGeckoId("{12345678-1234-1234-1234-123456789012}")).isTrue();
    assertThat(OrganisationIds.isGeckoId("a@b@c")).isFalse();
    assertThat(OrganisationIds.isGeckoId("x@")).isFalse();
    assertThat(OrganisationIds.isGeckoId("a\"@b")).isFalse();
  }

  @Test
  void theCallerPolicyTakesTheOrganisationIds() {
    ExtensionIds org = new ExtensionIds(List.of(ORG_ID), List.of("c2c@corp.example"));
    CallerPolicy policy = new CallerPolicy(ExtensionIds.bundled().plus(org), List.of(), List.of());
    assertThat(policy.allows(new Caller(Caller.Family.CHROMIUM, ORG_ID))).isTrue();
    assertThat(policy.allows(new Caller(Caller.Family.GECKO, "c2c@corp.example"))).isTrue();
    assertThat(policy.allows(new Caller(Caller.Family.GECKO, ORG_ID))).isFalse();
    assertThat(
            policy.allows(new Caller(Caller.Family.CHROMIUM, "ponmlkjihgfedcbaponmlkjihgfedcba")))
        .isFalse();
  }
}
