package dev.click2call.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static Map<String, Object> decode(String text) {
    return Json.decodeObject(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(Map<String, ?> message) {
    return new String(Json.encode(message), StandardCharsets.UTF_8);
  }

  @Test
  void nestedObjectsAndArraysRoundTripInOrder() {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("state", "ringing");
    call.put("direction", null);
    call.put("onHold", false);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "reply");
    message.put("id", null);
    message.put("ok", true);
    message.put("call", call);
    message.put("capabilities", List.of("hello", "status", "dial"));
    message.put("matrix", List.of(List.of(1, 2), List.of(), List.of(Map.of())));

    String text = encode(message);

    assertThat(text)
        .isEqualTo(
            "{\"type\":\"reply\",\"id\":null,\"ok\":true,"
                + "\"call\":{\"state\":\"ringing\",\"direction\":null,\"onHold\":false},"
                + "\"capabilities\":[\"hello\",\"status\",\"dial\"],"
                + "\"matrix\":[[1,2],[],[{}]]}");
    Map<String, Object> back = decode(text);
    assertThat(back).isEqualTo(message);
    assertThat(back.keySet()).containsExactly("type", "id", "ok", "call", "capabilities", "matrix");
  }

  @Test
  void numbersKeepTheirSize() {
    Map<String, Object> decoded =
        decode(
            "{\"i\":42,\"neg\":-7,\"l\":1774000000000,\"big\":123456789012345678901234567890,"
                + "\"d\":1.5,\"e\":2e3}");
    assertThat(decoded.get("i")).isEqualTo(42);
    assertThat(decoded.get("neg")).isEqualTo(-7);
    assertThat(decoded.get("l")).isEqualTo(1774000000000L);
    assertThat(decoded.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(decoded.get("d")).isEqualTo(1.5);
    assertThat(decoded.get("e")).isEqualTo(2000.0);
    assertThat(encode(decoded))
        .isEqualTo(
            "{\"i\":42,\"neg\":-7,\"l\":1774000000000,\"big\":123456789012345678901234567890,"
                + "\"d\":1.5,\"e\":2000.0}");
  }

  @Test
  void wholeNumbersTakeTheSmallestTypeAtEveryBoundary() {
    Map<String, Number> expected = new LinkedHashMap<>();
    expected.put("0", 0);
    expected.put("-0", 0);
    expected.put("2147483647", Integer.MAX_VALUE);
    expected.put("-2147483648", Integer.MIN_VALUE);
    expected.put("2147483648", 2147483648L);
    expected.put("-2147483649", -2147483649L);
    expected.put("999999999999999999", 999999999999999999L); // 18 digits
    expected.put("-99999999999999999", -99999999999999999L); // a sign and 17 digits
    expected.put("1000000000000000000", 1000000000000000000L); // 19 digits, still a long
    expected.put("9223372036854775807", Long.MAX_VALUE);
    expected.put("-9223372036854775808", Long.MIN_VALUE);
    expected.put("9223372036854775808", new BigInteger("9223372036854775808"));
    expected.put("-9223372036854775809", new BigInteger("-9223372036854775809"));
    expected.put("00000000000000000000", null); // leading zeros: refused by the parser
    for (Map.Entry<String, Number> entry : expected.entrySet()) {
      String text = "{\"n\":" + entry.getKey() + "}";
      if (entry.getValue() == null) {
        assertThatThrownBy(() -> decode(text)).hasMessageStartingWith("not valid JSON: ");
        continue;
      }
      Object decoded = decode(text).get("n");
      assertThat(decoded).as(entry.getKey()).isEqualTo(entry.getValue());
      assertThat(decoded.getClass()).as(entry.getKey()).isEqualTo(entry.getValue().getClass());
    }
  }

  @Test
  void numbersLongerThanTheReadLimitAreRefused() {
    assertThat(decode("{\"n\":" + "9".repeat(1000) + "}").get("n"))
        .isEqualTo(new BigInteger("9".repeat(1000)));
    assertThatThrownBy(() -> decode("{\"n\":" + "9".repeat(1001) + "}"))
        .hasMessageStartingWith("not valid JSON: ")
        .hasMessageContaining("1001");
    assertThatThrownBy(() -> decode("{\"n\":1." + "5".repeat(1001) + "}"))
        .hasMessageStartingWith("not valid JSON: ");
  }

  @Test
  void theWarmUpSampleIsAValidMessage() {
    Json.warmUp(); // throws if its sample were not a JSON object the codec can write back
  }

  @Test
  void unicodeSurvivesBothWays() {
    String text = "Zoë ☎ 𝄞 \u2028 \"quoted\" back\\slash \u0001 tab\t";
    byte[] bytes = Json.encode(Map.of("remote", text));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        // jackson-core writes a character outside the BMP as an escaped surrogate pair.
        .isEqualTo(
            "{\"remote\":\"Zoë ☎ \\uD834\\uDD1E \u2028 \\\"quoted\\\" back\\\\slash \\u0001 tab\\t\"}");
    assertThat(Json.decodeObject(bytes)).containsEntry("remote", text);
    assertThat(decode("{\"k\":\"\\u00e9\\ud834\\udd1e\"}")).containsEntry("k", "é𝄞");
  }

  @Test
  void anyValueDecodesButOnlyAnObjectIsAMessage() {
    assertThat(Json.decode(bytes("[1,\"a\",null,true]")))
        .isEqualTo(new ArrayList<>(Arrays.asList(1, "a", null, true)));
    assertThat(Json.decode(bytes(" \"text\" "))).isEqualTo("text");
    assertThat(Json.decode(bytes("null"))).isNull();
    for (String notAnObject : List.of("[]", "\"text\"", "42", "null", "true")) {
      assertThatThrownBy(() -> decode(notAnObject))
          .as(notAnObject)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the message is not a JSON object");
    }
  }

  @Test
  void invalidInputIsRefusedWithAShortReason() {
    List<String> invalid =
        List.of(
            "",
            "   ",
            "not json",
            "{\"a\":1",
            "{\"a\":1}}",
            "{\"a\":1} {}",
            "{'a':1}",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "{\"a\":[1,2}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":\"unterminated}");
    for (String text : invalid) {
      assertThatThrownBy(() -> decode(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not valid JSON: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(240));
    }
    assertThatThrownBy(() -> decode("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key 'a'");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] broken = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    assertThatThrownBy(() -> Json.decodeObject(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not valid JSON: ");
  }

  @Test
  void excessiveNestingIsRefusedNotOverflowed() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> decode(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not valid JSON: ");
    String fine = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";
    assertThat(decode(fine)).containsKey("a");
  }

  @Test
  void valuesOutsideTheJsonModelAreNotEncoded() {
    assertThatThrownBy(() -> Json.encode(Map.of("when", new Object())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.lang.Object");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
