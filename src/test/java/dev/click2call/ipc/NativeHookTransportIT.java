package dev.click2call.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message and transport code of {@code click2call-hook.exe} (src/main/c/hook), built natively
 * for Linux, against the Java side: Wine has no AF_UNIX, so this is where the hook program's
 * transport is proven. The program must send exactly the bytes {@code click2call hook} sends.
 */
class NativeHookTransportIT {
  private static final Path PROGRAM =
      Path.of("target", "native", "linux", "click2call-hook").toAbsolutePath();

  /** Under /tmp: socket paths are limited to about 100 bytes. */
  @TempDir Path tmp;

  private String run(Path runtimeDir, List<String> args) throws Exception {
    assertThat(PROGRAM).as("built by src/main/c/build.sh test (process-test-classes)").exists();
    List<String> command = new ArrayList<>();
    command.add(PROGRAM.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CLICK2CALL_RUNTIME_DIR", runtimeDir.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return output.strip();
  }

  /** One endpoint that records the raw bytes of each connection. */
  private static final class RawEndpoint implements AutoCloseable {
    final ServerSocketChannel server;
    final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();

    RawEndpoint(HookEndpoints endpoints) throws IOException {
      endpoints.prepare();
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(endpoints.endpointFor(4242)));
      Thread thread =
          new Thread(
              () -> {
                while (server.isOpen()) {
                  try (SocketChannel client = server.accept()) {
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    ByteBuffer buffer = ByteBuffer.allocate(1024);
                    while (client.read(buffer) >= 0) {
                      bytes.write(buffer.array(), 0, buffer.position());
                      buffer.clear();
                    }
                    lines.add(bytes.toByteArray());
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static String hostile(Random random) {
    String[] pieces = {
      "1&calc", "\"", "%PATH%", "^", "Jürgen", "試験", "\uD83D\uDCDE", " ", "\u3000", "\u2003",
      "\u00A0", "\u200B", "\u202E", "\uFEFF", "\u00AD", "\u0007", "\t", "\u0085", "\\", "\\\"",
      "'", "$(x)", "<>|", "/reset", "msip:answer", "+49 30 1234", "é", "\u0600", "x"
    };
    StringBuilder text = new StringBuilder();
    int parts = random.nextInt(8);
    for (int i = 0; i < parts; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    if (random.nextInt(5) == 0) {
      text.append("9".repeat(random.nextInt(90)));
    }
    return text.toString();
  }

  @Test
  void sendsTheSameBytesAsTheJavaHookForHostileCallerIds() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(tmp.resolve("rt"));
    List<String> remotes =
        new ArrayList<>(
            List.of(
                "1&calc",
                "a\"b",
                "%PATH%",
                "^&^|",
                "Jürgen Müller",
                " \u3000 padded \u2003 ",
                "\u200B\u202Eevil\uFEFF",
                "\uD83D\uDCDE emoji",
                "",
                "9".repeat(100)));
    Random random = new Random(17);
    for (int i = 0; i < 150; i++) {
      remotes.add(hostile(random));
    }
    try (RawEndpoint endpoint = new RawEndpoint(endpoints)) {
      for (String remote : remotes) {
        // MicroSIP's appended remote may reach the program as several arguments.
        List<String> args = new ArrayList<>(List.of("call-ring"));
        args.addAll(List.of(remote.split(" ", -1)));
        assertThat(run(tmp.resolve("rt"), args)).isEqualTo("delivered=1 stale=0 failed=0");
        byte[] expected =
            HookSender.encode(
                new HookMessage("call-ring", String.join(" ", args.subList(1, args.size()))));
        byte[] got = endpoint.lines.poll(5, TimeUnit.SECONDS);
        assertThat(got).as("remote %s", remote).isNotNull();
        assertThat(new String(got, StandardCharsets.UTF_8))
            .as("remote %s", remote)
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(got).isEqualTo(expected);
      }
    }
  }

  @Test
  void theHostListenerReceivesTheEventAndStaleEndpointsAreRemoved() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(tmp.resolve("rt"));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    try (HookListener listener = HookListener.start(endpoints, received::add)) {
      Path stale = endpoints.folder().resolve("999999999.sock");
      Files.createFile(stale);
      assertThat(run(tmp.resolve("rt"), List.of("incoming-call", "1&calc")))
          .isEqualTo("delivered=1 stale=1 failed=0");
      assertThat(received.poll(5, TimeUnit.SECONDS))
          .isEqualTo(new HookMessage("incoming-call", "1&calc"));
      assertThat(stale).doesNotExist();
      assertThat(listener.path()).exists();
    }
  }

  @Test
  void malformedEventNamesSendNothing() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(tmp.resolve("rt"));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    try (HookListener listener = HookListener.start(endpoints, received::add)) {
      for (String event : List.of("Call-Start", "/reset", "call start", "", "a".repeat(33))) {
        assertThat(run(tmp.resolve("rt"), List.of(event, "123"))).isEqualTo("invalid event");
      }
      assertThat(listener.path()).exists();
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aHostThatDoesNotAcceptCannotHoldTheHook() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(tmp.resolve("rt"));
    endpoints.prepare();
    Path path = endpoints.endpointFor(777);
    try (ServerSocketChannel stuck = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      stuck.bind(UnixDomainSocketAddress.of(path), 1);
      // Fill the accept queue: the next connection cannot complete.
      List<SocketChannel> fillers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        SocketChannel filler = SocketChannel.open(StandardProtocolFamily.UNIX);
        filler.configureBlocking(false);
        fillers.add(filler);
        try {
          filler.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException full) {
          break; // the queue is full (EAGAIN)
        }
      }
      long start = System.nanoTime();
      String output = run(tmp.resolve("rt"), List.of("call-end", "123"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(output).isEqualTo("delivered=0 stale=0 failed=1");
      assertThat(millis).isLessThan(3000);
      assertThat(path).as("a busy host keeps its endpoint").exists();
      for (SocketChannel filler : fillers) {
        filler.close();
      }
    }
  }
}
