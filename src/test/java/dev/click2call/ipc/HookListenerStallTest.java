package dev.click2call.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle connections to a host's hook endpoint (any program of the same user can open them) must not
 * hold up a real hook event: served one at a time with a 1 s read deadline, 20 of them delayed the
 * event by 20 s.
 */
class HookListenerStallTest {
  @TempDir Path tmp;

  @Test
  void idleConnectionsDoNotDelayAHookEvent() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(tmp.resolve("rt"));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    List<SocketChannel> idle = new ArrayList<>();
    try (HookListener listener = HookListener.start(endpoints, received::add)) {
      for (int i = 0; i < 20; i++) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(listener.path()));
        idle.add(channel); // connected, sends nothing
      }
      long sent = System.nanoTime();
      assertThat(new HookSender(endpoints).sendToAll(new HookMessage("call-start", "+49301")))
          .isEqualTo(1);
      // Twenty idle connections in a row would take 20 read deadlines (20 s) to get past; the
      // event must arrive while they are all still open and idle.
      HookMessage message =
          received.poll(HookListener.READ_TIMEOUT_MILLIS * 3L, TimeUnit.MILLISECONDS);
      assertThat(message).isEqualTo(new HookMessage("call-start", "+49301"));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent))
          .isLessThan(HookListener.READ_TIMEOUT_MILLIS * 3L);
    } finally {
      for (SocketChannel channel : idle) {
        channel.close();
      }
    }
  }

  @Test
  void aFloodOfConnectionsDropsTheOldestAndStillServes() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(tmp.resolve("rt2"));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    List<SocketChannel> idle = new ArrayList<>();
    try (HookListener listener = HookListener.start(endpoints, received::add)) {
      for (int i = 0; i < HookListener.MAX_OPEN_CONNECTIONS * 3; i++) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(listener.path()));
        idle.add(channel);
      }
      assertThat(new HookSender(endpoints).sendToAll(new HookMessage("call-end", "7")))
          .isEqualTo(1);
      assertThat(received.poll(HookListener.READ_TIMEOUT_MILLIS * 3L, TimeUnit.MILLISECONDS))
          .isEqualTo(new HookMessage("call-end", "7"));
    } finally {
      for (SocketChannel channel : idle) {
        channel.close();
      }
    }
  }
}
