package dev.click2call.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Dispatcher dispatcher(Map<String, RequestHandler> handlers) {
    return new Dispatcher(handlers, new FrameWriter(out), Executors.newFixedThreadPool(2));
  }

  private List<Map<String, Object>> sent(Dispatcher dispatcher) throws IOException {
    dispatcher.drain(5, TimeUnit.SECONDS);
    FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
    List<Map<String, Object>> messages = new ArrayList<>();
    byte[] frame;
    while ((frame = reader.next()) != null) {
      messages.add(Json.decodeObject(frame));
    }
    return messages;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static String errorCode(Map<String, Object> reply) {
    return (String) ((Map<String, Object>) reply.get("error")).get("code");
  }

  @Test
  void repliesWithTheHandlersResultAndTheSameId() throws IOException {
    Dispatcher dispatcher = dispatcher(Map.of("ping", request -> Map.of("pong", 1)));
    dispatcher.accept(bytes("{\"type\":\"ping\",\"id\":\"abc\"}"));
    assertThat(sent(dispatcher))
        .containsExactly(Map.of("type", "reply", "id", "abc", "ok", true, "pong", 1));
  }

  @Test
  void anUnknownTypeIsAnsweredAndServingGoesOn() throws IOException {
    Dispatcher dispatcher = dispatcher(Map.of("ping", request -> Map.of()));
    dispatcher.accept(bytes("{\"type\":\"fly\",\"id\":\"1\"}"));
    dispatcher.accept(bytes("{\"type\":\"ping\",\"id\":\"2\"}"));
    List<Map<String, Object>> replies = sent(dispatcher);
    assertThat(replies).hasSize(2);
    assertThat(replies.get(0)).containsEntry("id", "1").containsEntry("ok", false);
    assertThat(errorCode(replies.get(0))).isEqualTo("unknown_type");
    assertThat(replies.get(1)).containsEntry("id", "2").containsEntry("ok", true);
  }

  @Test
  void malformedFramesGetBadRequestWithNullId() throws IOException {
    Dispatcher dispatcher = dispatcher(Map.of());
    List<String> malformed =
        List.of(
            "not json",
            "[1,2,3]",
            "\"text\"",
            "42",
            "null",
            "",
            "{\"type\":\"hello\"}",
            "{\"type\":\"hello\",\"id\":7}",
            "{\"type\":\"hello\",\"id\":\"\"}",
            "{\"type\":\"hello\",\"id\":\"" + "x".repeat(65) + "\"}",
            "{\"type\":\"hello\",\"id\":\"1\"");
    for (String text : malformed) {
      dispatcher.accept(bytes(text));
    }
    dispatcher.accept(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    List<Map<String, Object>> replies = sent(dispatcher);
    assertThat(replies).hasSize(malformed.size() + 1);
    for (Map<String, Object> reply : replies) {
      assertThat(reply).containsEntry("id", null).containsEntry("ok", false);
      assertThat(errorCode(reply)).isEqualTo("bad_request");
    }
  }

  @Test
  void aMissingTypeWithAValidIdKeepsTheId() throws IOException {
    Dispatcher dispatcher = dispatcher(Map.of());
    dispatcher.accept(bytes("{\"id\":\"9\",\"type\":5}"));
    Map<String, Object> reply = sent(dispatcher).get(0);
    assertThat(reply).containsEntry("id", "9");
    assertThat(errorCode(reply)).isEqualTo("bad_request");
  }

  @Test
  void aRefusingHandlerYieldsItsErrorCode() throws IOException {
    Dispatcher dispatcher =
        dispatcher(
            Map.of(
                "dial",
                request -> {
                  throw new RequestException(ErrorCode.INVALID_TARGET, "no digits");
                }));
    dispatcher.accept(bytes("{\"type\":\"dial\",\"id\":\"d\",\"target\":\"x\"}"));
    Map<String, Object> reply = sent(dispatcher).get(0);
    assertThat(errorCode(reply)).isEqualTo("invalid_target");
    assertThat(reply.get("error").toString()).contains("no digits");
  }

  @Test
  void aCrashingHandlerYieldsInternalAndServingGoesOn() throws IOException {
    Dispatcher dispatcher =
        dispatcher(
            Map.of(
                "boom",
                request -> {
                  throw new IllegalStateException("kaput");
                },
                "ping",
                request -> Map.of()));
    dispatcher.accept(bytes("{\"type\":\"boom\",\"id\":\"1\"}"));
    dispatcher.accept(bytes("{\"type\":\"ping\",\"id\":\"2\"}"));
    List<Map<String, Object>> replies = sent(dispatcher);
    assertThat(replies).extracting(reply -> reply.get("id")).containsExactlyInAnyOrder("1", "2");
    Map<String, Object> crashed =
        replies.stream().filter(reply -> "1".equals(reply.get("id"))).findFirst().orElseThrow();
    assertThat(errorCode(crashed)).isEqualTo("internal");
  }

  @Test
  void resultFieldsCannotOverrideTheEnvelope() throws IOException {
    Dispatcher dispatcher =
        dispatcher(Map.of("ping", request -> Map.of("id", "forged", "ok", false, "x", 1)));
    dispatcher.accept(bytes("{\"type\":\"ping\",\"id\":\"real\"}"));
    assertThat(sent(dispatcher).get(0))
        .containsEntry("id", "real")
        .containsEntry("ok", true)
        .containsEntry("x", 1);
  }

  @Test
  void eventsAndRepliesShareOneWriter() throws IOException {
    Dispatcher dispatcher = dispatcher(Map.of("ping", request -> Map.of()));
    dispatcher.send(Messages.event("softphone", Map.of("kind", "test", "available", true)));
    dispatcher.accept(bytes("{\"type\":\"ping\",\"id\":\"1\"}"));
    List<Map<String, Object>> messages = sent(dispatcher);
    assertThat(messages).extracting(m -> m.get("type")).containsExactly("event", "reply");
  }
}
