package dev.click2call.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyDataPayloadTest {
  @Test
  void isUtf16LittleEndianWithATwoByteNul() {
    byte[] payload = CopyDataPayload.utf16z("+49");
    assertThat(payload).containsExactly('+', 0, '4', 0, '9', 0, 0, 0);
    // cbData counts the NUL: 2 bytes per UTF-16 unit plus 2.
    assertThat(payload).hasSize(2 * "+49".length() + 2);
  }

  @Test
  void nonAsciiUsesUtf16Units() {
    assertThat(CopyDataPayload.utf16z("\u00e9")).containsExactly(0xe9, 0, 0, 0);
    assertThat(CopyDataPayload.utf16z("")).containsExactly(0, 0);
  }
}
