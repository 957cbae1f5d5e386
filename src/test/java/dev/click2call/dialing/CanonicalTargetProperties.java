package dev.click2call.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.softphone.microsip.MicroSipCommands;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, a target is refused or comes out in the safe canonical grammar. */
class CanonicalTargetProperties {
  private static final Pattern SAFE_PHONE = Pattern.compile("\\+?[0-9*#]{2,24}(,[0-9]{1,10})?");
  private static final Pattern SAFE_SIP =
      Pattern.compile("sips?:[A-Za-z0-9._+\\-!~*'()&=$]{1,64}@[A-Za-z0-9.\\-\\[\\]:]{1,260}");

  private final TargetParser plain = new TargetParser(DialingRules.AS_WRITTEN);
  private final TargetParser pbx = new TargetParser(new ConfiguredDialingRules("DE", "00", "0", 4));

  @Property(tries = 3000)
  void anyStringIsRefusedOrCanonical(@ForAll("hostileish") String input) {
    check(plain, input);
    check(pbx, input);
  }

  @Property(tries = 1000)
  void anyUnicodeStringIsRefusedOrCanonical(@ForAll String input) {
    check(plain, input);
    check(pbx, input);
  }

  private static void check(TargetParser parser, String input) {
    DialTarget target;
    try {
      target = parser.parse(input);
    } catch (InvalidTargetException e) {
      return;
    }
    String value = target.value();
    assertThat(value).doesNotContain(" ", "/", "%", "\"", "msip:");
    if (target.kind() == DialTarget.Kind.PHONE) {
      assertThat(value).matches(SAFE_PHONE);
      assertThat(MicroSipCommands.isSafeDialString(value)).isTrue();
    } else {
      assertThat(value).matches(SAFE_SIP);
    }
  }

  @Provide
  Arbitrary<String> hostileish() {
    return Arbitraries.strings()
        .withChars("0123456789+*#()-./ ,;:%@\"'/\\extsipmlcaoTEL\t\n\u0661")
        .ofMaxLength(40)
        .injectDuplicates(0.01)
        .edgeCases(e -> e.add("sip:a@b.c").add("tel:+4930").add("/reset"));
  }
}
