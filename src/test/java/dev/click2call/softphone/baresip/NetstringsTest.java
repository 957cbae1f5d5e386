package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetstringsTest {
  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encodesAndReadsBackFrames() throws IOException {
    byte[] frame = Netstrings.encode("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("7:{\"a\":1},");
    ByteArrayInputStream stream = in("3:abc,0:,");
    assertThat(Netstrings.read(stream)).asString().isEqualTo("abc");
    assertThat(Netstrings.read(stream)).isEmpty();
    assertThat(Netstrings.read(stream)).isNull();
  }

  @Test
  void refusesWhatIsNotANetstring() {
    assertThatThrownBy(() -> Netstrings.read(in("3:abc;"))).hasMessageContaining("missing ','");
    assertThatThrownBy(() -> Netstrings.read(in("x:abc,"))).hasMessageContaining("unexpected");
    assertThatThrownBy(() -> Netstrings.read(in(":abc,"))).hasMessageContaining("bad length");
    assertThatThrownBy(() -> Netstrings.read(in("99999999:"))).hasMessageContaining("unexpected");
    assertThatThrownBy(() -> Netstrings.read(in("2000000:"))).hasMessageContaining("bad length");
  }

  @Test
  void aStreamEndingInsideAFrameIsAnError() {
    assertThatThrownBy(() -> Netstrings.read(in("5:ab"))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> Netstrings.read(in("12"))).isInstanceOf(EOFException.class);
  }
}
