package dev.click2call.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HookIpcTest {
  private static Path shortDir() throws Exception {
    return Files.createTempDirectory(Path.of("/tmp"), "c2cipc");
  }

  @Test
  void deliversToTheListenerAndRemovesStaleEndpoints() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(shortDir().resolve("rt"));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    try (HookListener listener = HookListener.start(endpoints, received::add)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoints.folder())))
          .isEqualTo("rwx------");
      Path stale = endpoints.folder().resolve("999999999.sock");
      Files.createFile(stale);

      int delivered = new HookSender(endpoints).sendToAll(new HookMessage("call-start", "+4930 1"));
      assertThat(delivered).isEqualTo(1);
      assertThat(received.poll(5, TimeUnit.SECONDS))
          .isEqualTo(new HookMessage("call-start", "+4930 1"));
      assertThat(stale).doesNotExist();
      assertThat(listener.path()).exists();
    }
    assertThat(endpoints.list()).isEmpty();
  }

  @Test
  void remoteIsCappedAndStrippedOfControlsButOtherwiseKeptAsData() {
    HookMessage message =
        new HookMessage("incoming-call", "1$(touch x)\n&calc;'\"\u0007" + "9".repeat(100));
    assertThat(message.remote())
        .startsWith("1$(touch x)&calc;'\"9")
        .hasSize(HookMessage.MAX_REMOTE_CHARS);
  }

  @Test
  void malformedAndOversizedMessagesAreDropped() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(shortDir());
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    try (HookListener listener = HookListener.start(endpoints, received::add)) {
      for (String line :
          new String[] {
            "not json\n",
            "{\"event\":\"Call Start\"}\n",
            "{\"event\":\"/reset\"}\n",
            "[1,2]\n",
            "{\"event\":\"call-end\",\"remote\":\"" + "x".repeat(600) + "\"}\n",
            "{\"event\":\"call-end\",\"remote\":\"ok\"}\n"
          }) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          channel.connect(UnixDomainSocketAddress.of(listener.path()));
          channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        }
      }
      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new HookMessage("call-end", "ok"));
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void sendingWithNoHostIsHarmless() throws Exception {
    assertThat(
            new HookSender(new HookEndpoints(shortDir()))
                .sendToAll(new HookMessage("call-end", "")))
        .isZero();
  }
}
