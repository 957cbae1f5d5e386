package dev.click2call.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers copied from web pages and documents carry Unicode spaces and hyphens between digits. */
class VisualSeparatorsTest {
  private final TargetParser parser = new TargetParser(DialingRules.AS_WRITTEN);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+49\u00a030\u00a01234567", // no-break spaces
        "+49\u202f30\u202f1234567", // narrow no-break spaces (French typography)
        "+49\u200930\u20091234567", // thin spaces
        "+49\u200730\u20071234567", // figure spaces
        "+49\u3000" + "30\u30001234567", // ideographic spaces
        "+49\u201130\u20111234567", // non-breaking hyphens
        "+49\u201030\u20131234567", // hyphen, en dash
        "+49 30\u2212" + "1234567", // minus sign
      })
  void visualSeparatorsSeparateDigits(String written) throws Exception {
    assertThat(parser.parse(written).value()).isEqualTo("+49301234567");
  }

  @Test
  void anExtensionAfterANoBreakSpaceIsKept() throws Exception {
    assertThat(parser.parse("555.010.4477\u00a0ext.\u00a012").value()).isEqualTo("5550104477,12");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+1555\u200b0104477", // zero-width space: invisible, not a separator
        "+1555\u202e0104477", // right-to-left override
        "\uff11\uff12\uff13\uff14\uff15", // full-width digits stay refused by the host
        "sip:alice\u00a0@example.com", // a separator inside a SIP address is still refused
        "tel:+49\u00a030\u00a01234567", // tel: URIs carry no spaces, visual or not
      })
  void everythingElseNonAsciiIsStillRefused(String hostile) {
    assertThatThrownBy(() -> parser.parse(hostile)).isInstanceOf(InvalidTargetException.class);
  }

  @Test
  void unchangedInputIsTheSameString() {
    String ascii = "+1 555 0104477";
    assertThat(VisualSeparators.toAscii(ascii)).isSameAs(ascii);
  }
}
