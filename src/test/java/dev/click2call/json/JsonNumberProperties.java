package dev.click2call.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;

/** Whole numbers decode to the value written, as the smallest of Integer, Long and BigInteger. */
class JsonNumberProperties {
  @Property
  void everyLongDecodesToItselfInTheSmallestType(@ForAll long value) {
    Object decoded = decodeNumber(Long.toString(value));
    Number expected = value == (int) value ? (Number) (int) value : (Number) value;
    assertThat(decoded).isEqualTo(expected);
  }

  @Property
  void bigWholeNumbersDecodeToThemselves(
      @ForAll @BigRange(min = "-1e40", max = "1e40") BigInteger value) {
    Object decoded = decodeNumber(value.toString());
    if (value.bitLength() < Integer.SIZE) {
      assertThat(decoded).isEqualTo(value.intValue());
    } else if (value.bitLength() < Long.SIZE) {
      assertThat(decoded).isEqualTo(value.longValue());
    } else {
      assertThat(decoded).isEqualTo(value);
    }
  }

  @Property
  void everyFiniteDoubleDecodesToItself(@ForAll double value) {
    if (Double.isFinite(value)) {
      assertThat(decodeNumber(Double.toString(value))).isEqualTo(value);
    }
  }

  private static Object decodeNumber(String text) {
    return Json.decodeObject(("{\"n\":" + text + "}").getBytes(StandardCharsets.UTF_8)).get("n");
  }
}
