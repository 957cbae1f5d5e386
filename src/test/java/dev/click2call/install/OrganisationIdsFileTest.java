package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.host.ExtensionIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationIdsFileTest {
  private static final String ORG_ID = "abcdefghijklmnopabcdefghijklmnop";

  @Test
  void acceptsBothChromiumFormsAndGeckoIds() {
    ExtensionIds ids =
        OrganisationIdsFile.parse(
            List.of(
                "chrome-extension://" + ORG_ID + "/",
                ORG_ID,
                " c2c@corp.example ",
                "{12345678-1234-1234-1234-123456789012}"));
    assertThat(ids.chromium()).containsExactly(ORG_ID);
    assertThat(ids.gecko())
        .containsExactly("c2c@corp.example", "{12345678-1234-1234-1234-123456789012}");
  }

  @Test
  void refusesAnythingElse() {
    for (String bad :
        List.of("chrome-extension://short/", "https://evil.example/", "evil", "a b@c", "\"x@y\"")) {
      assertThatThrownBy(() -> OrganisationIdsFile.parse(List.of(bad)))
          .as(bad)
          .isInstanceOf(InstallException.class)
          .hasMessageContaining(bad);
    }
  }

  @Test
  void rendersTheFileTheHostReads() {
    String text = OrganisationIdsFile.render(new ExtensionIds(List.of(ORG_ID), List.of("a@b")));
    assertThat(text).contains("\"chromium\"").contains(ORG_ID).contains("\"gecko\"").endsWith("\n");
  }
}
