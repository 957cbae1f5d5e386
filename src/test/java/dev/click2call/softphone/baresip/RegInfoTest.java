package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.softphone.Registration;
import org.junit.jupiter.api.Test;

/** Answers of baresip 1.0.0 to {@code reginfo}, as its control connection returns them. */
class RegInfoTest {
  private static final String HEADER = "\n--- User Agents (1) ---\n";

  @Test
  void okIsRegisteredAndErrIsFailedWithoutAReason() {
    String ok =
        HEADER
            + "> sip:alice@127.0.0.1:23110                  \u001B[32mOK \u001B[;m  Expires 60s\n\n";
    String err =
        HEADER
            + "> sip:alice@127.0.0.1:23110                  \u001B[31mERR\u001B[;m  Expires 0s\n\n";
    assertThat(RegInfo.parse(ok, 5))
        .isEqualTo(new Registration(Registration.State.REGISTERED, null, 5));
    assertThat(RegInfo.parse(err, 5))
        .isEqualTo(new Registration(Registration.State.FAILED, null, 5));
  }

  @Test
  void notYetAndNeverRegisteringAccountsSayNothing() {
    String pending =
        HEADER
            + "> sip:alice@127.0.0.1:23110                  \u001B[33mzzz\u001B[;m  Expires 0s\n\n";
    String local = HEADER + "> sip:click2call@127.0.0.1                  \n\n";
    assertThat(RegInfo.parse(pending, 5)).isNull();
    assertThat(RegInfo.parse(local, 5)).isNull();
    assertThat(RegInfo.parse("", 5)).isNull();
    assertThat(RegInfo.parse(null, 5)).isNull();
  }

  @Test
  void colourSequencesAreRemoved() {
    assertThat(RegInfo.withoutColours("a\u001B[32mOK\u001B[;m b\u001B")).isEqualTo("aOK b");
  }
}
