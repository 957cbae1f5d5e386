package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusBarTextTest {
  @Test
  void readsTheTimerMicroSipWritesEverySecond() {
    assertThat(StatusBarText.parse("Connected 0:12")).contains(new StatusBarText(false, 12, 0));
    assertThat(StatusBarText.parse("Connected 12:05")).contains(new StatusBarText(false, 725, 0));
    assertThat(StatusBarText.parse("Connected 1:02:03"))
        .contains(new StatusBarText(false, 3723, 0));
    assertThat(StatusBarText.parse("Hold 0:03 / 0:15")).contains(new StatusBarText(true, 15, 3));
    assertThat(StatusBarText.parse(" Hold 1:00 / 1:02:00 "))
        .contains(new StatusBarText(true, 3720, 60));
  }

  /** Defect 11.9: the words are translated by MicroSIP's language file; the shape is not. */
  @Test
  void readsTheTimerOfATranslatedMicroSip() {
    assertThat(StatusBarText.parse("Verbunden 0:12")).contains(new StatusBarText(false, 12, 0));
    assertThat(StatusBarText.parse("Соединено 1:02:03"))
        .contains(new StatusBarText(false, 3723, 0));
    assertThat(StatusBarText.parse("En attente 0:03 / 0:15"))
        .contains(new StatusBarText(true, 15, 3));
    assertThat(StatusBarText.parse("通話保留 0:01 / 0:02")).contains(new StatusBarText(true, 2, 1));
  }

  @Test
  void everythingElseIsNoTimer() {
    for (String text :
        new String[] {
          "",
          "Online",
          "Idle",
          "Connecting...",
          "Calling...",
          "Incorrect Password",
          "Online (Auto Answer)",
          "The server returned an error code: 503",
          "Connected",
          "Connected 0:6",
          "Connected 0:61",
          "Connected -0:12",
          "Connected 0:12 extra",
          "Hold 0:03 / ",
          "0:12",
          "Connected (12)",
          "Connected 99999:00"
        }) {
      assertThat(StatusBarText.parse(text)).as(text).isEmpty();
    }
    assertThat(StatusBarText.parse(null)).isEmpty();
  }
}
