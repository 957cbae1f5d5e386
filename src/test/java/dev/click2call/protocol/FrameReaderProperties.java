package dev.click2call.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes reach the host, reading ends in one of the documented ways: a sequence of frames,
 * then either a clean end or a refused length. Never a hang, never an attempt to allocate a
 * declared length.
 */
class FrameReaderProperties {

  @Property(tries = 500)
  void arbitraryBytesEndCleanlyOrWithARefusedLength(@ForAll @Size(max = 4096) byte[] input)
      throws IOException {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(input));
    long consumed = 0;
    try {
      byte[] frame;
      while ((frame = reader.next()) != null) {
        consumed += Frames.HEADER_BYTES + frame.length;
      }
      assertThat(consumed).isLessThanOrEqualTo(input.length);
    } catch (FrameTooLargeException e) {
      assertThat(e.declaredLength()).isGreaterThan(Frames.MAX_FRAME_BYTES);
    }
  }

  @Property(tries = 300)
  void framesSurviveAnyTruncationPoint(
      @ForAll("jsonObjects") List<String> messages, @ForAll("cuts") int cutPercent)
      throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (String message : messages) {
      stream.writeBytes(FrameReaderTest.frame(message));
    }
    byte[] whole = stream.toByteArray();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length * cutPercent / 100);
    FrameReader reader = new FrameReader(FrameReaderTest.trickle(cut));
    List<String> read = new ArrayList<>();
    byte[] frame;
    while ((frame = reader.next()) != null) {
      read.add(new String(frame, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(read.size()).isLessThanOrEqualTo(messages.size());
    assertThat(messages.subList(0, read.size())).isEqualTo(read);
    if (cutPercent == 100) {
      assertThat(read).isEqualTo(messages);
    }
  }

  @Property(tries = 300)
  void everyFrameGetsExactlyOneReplyWhateverItHolds(
      @ForAll @Size(max = 20) List<@Size(max = 300) byte[]> payloads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Dispatcher dispatcher =
        new Dispatcher(
            Map.of("ping", request -> Map.of()),
            new FrameWriter(out),
            Executors.newSingleThreadExecutor());
    for (byte[] payload : payloads) {
      dispatcher.accept(payload);
    }
    dispatcher.drain(5, TimeUnit.SECONDS);
    FrameReader replies = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
    int count = 0;
    byte[] frame;
    while ((frame = replies.next()) != null) {
      assertThat(Json.decodeObject(frame)).containsEntry("type", "reply");
      count++;
    }
    assertThat(count).isEqualTo(payloads.size());
  }

  @Provide
  Arbitrary<List<String>> jsonObjects() {
    return Arbitraries.strings()
        .ofMaxLength(40)
        .map(v -> new String(Json.encode(Map.of("k", v)), java.nio.charset.StandardCharsets.UTF_8))
        .list()
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 100);
  }
}
