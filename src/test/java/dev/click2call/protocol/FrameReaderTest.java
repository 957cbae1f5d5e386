package dev.click2call.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

  static byte[] frame(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    return concat(Frames.header(payload.length), payload);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Hands out at most one byte per read, like a slow pipe. */
  static InputStream trickle(byte[] bytes) {
    return new InputStream() {
      private int position;

      @Override
      public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        int next = read();
        if (next < 0) {
          return -1;
        }
        buffer[offset] = (byte) next;
        return 1;
      }
    };
  }

  @Test
  void readsTheLengthInNativeByteOrder() throws IOException {
    byte[] header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(2).array();
    assertThat(ByteOrder.nativeOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    FrameReader reader = new FrameReader(new ByteArrayInputStream(concat(header, "{}".getBytes())));
    assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void readsConsecutiveFramesDeliveredOneByteAtATime() throws IOException {
    FrameReader reader =
        new FrameReader(trickle(concat(frame("{\"a\":1}"), frame("{\"b\":\"é\"}"), frame("{}"))));
    assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":\"é\"}");
    assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(reader.next()).isNull();
    assertThat(reader.endedMidFrame()).isFalse();
  }

  @Test
  void endOfInputBeforeAnyFrameIsACleanEnd() throws IOException {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(new byte[0]));
    assertThat(reader.next()).isNull();
    assertThat(reader.endedMidFrame()).isFalse();
  }

  @Test
  void aTruncatedHeaderEndsTheInput() throws IOException {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(new byte[] {5, 0}));
    assertThat(reader.next()).isNull();
    assertThat(reader.endedMidFrame()).isTrue();
  }

  @Test
  void aTruncatedPayloadEndsTheInput() throws IOException {
    byte[] cut = concat(Frames.header(10), "{\"a\"".getBytes());
    FrameReader reader = new FrameReader(new ByteArrayInputStream(cut));
    assertThat(reader.next()).isNull();
    assertThat(reader.endedMidFrame()).isTrue();
  }

  @Test
  void acceptsAFrameOfExactlyOneMebibyte() throws IOException {
    byte[] payload = new byte[Frames.MAX_FRAME_BYTES];
    FrameReader reader =
        new FrameReader(new ByteArrayInputStream(concat(Frames.header(payload.length), payload)));
    assertThat(reader.next()).hasSize(Frames.MAX_FRAME_BYTES);
  }

  @Test
  void refusesALengthOneByteOverTheLimit() {
    FrameReader reader =
        new FrameReader(new ByteArrayInputStream(Frames.header(Frames.MAX_FRAME_BYTES + 1)));
    assertThatThrownBy(reader::next)
        .isInstanceOf(FrameTooLargeException.class)
        .hasMessageContaining("1048577");
  }

  @Test
  void refusesAHugeUnsignedLengthWithoutAllocatingIt() {
    // 0xFFFFFFFF is 4 GiB unsigned; allocating it would fail with OutOfMemoryError.
    byte[] header = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    FrameReader reader = new FrameReader(new ByteArrayInputStream(header));
    assertThatThrownBy(reader::next)
        .isInstanceOfSatisfying(
            FrameTooLargeException.class,
            e -> assertThat(e.declaredLength()).isEqualTo(4_294_967_295L));
  }

  @Test
  void refusesTextThatIsNotAFrame() {
    // A stray "Hello" on the wire reads as a length of about 1.8 GB: the classic corruption.
    FrameReader reader = new FrameReader(new ByteArrayInputStream("Hello world".getBytes()));
    assertThatThrownBy(reader::next).isInstanceOf(FrameTooLargeException.class);
  }
}
