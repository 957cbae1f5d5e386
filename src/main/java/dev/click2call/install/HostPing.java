package dev.click2call.install;

import dev.click2call.json.Json;
import dev.click2call.protocol.FrameReader;
import dev.click2call.protocol.FrameTooLargeException;
import dev.click2call.protocol.FrameWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a host the way a browser does (same arguments, working folder = the program's folder),
 * sends a framed {@code hello} and waits for its reply: the self-test of {@code selftest} and
 * {@code doctor}.
 */
public final class HostPing {
  private static final String PING_ID = "selftest";
  private static final int STDERR_TAIL_CHARS = 400;

  /** The outcome: a reply, or a problem in words; {@code stderr} holds the host's last words. */
  public record Result(boolean ok, long millis, Map<String, Object> reply, String problem) {}

  private HostPing() {}

  /** The arguments a Chromium browser passes: the caller origin. */
  public static List<String> chromiumArgs(String origin) {
    return List.of(origin);
  }

  /** The arguments a Gecko browser passes: the manifest path and the add-on id. */
  public static List<String> geckoArgs(Path manifest, String addonId) {
    return List.of(manifest.toString(), addonId);
  }

  /**
   * Runs {@code command} and says hello.
   *
   * @param inheritStderr whether the host's stderr goes to ours (a terminal); otherwise it is
   *     captured and its tail quoted in a failure
   */
  public static Result ping(List<String> command, Duration timeout, boolean inheritStderr)
      throws IOException, InterruptedException {
    Path program = Path.of(command.get(0));
    ProcessBuilder builder = new ProcessBuilder(command);
    Path parent = program.toAbsolutePath().getParent();
    if (parent != null && Files.isDirectory(parent)) {
      builder.directory(parent.toFile());
    }
    Path capture = null;
    if (inheritStderr) {
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    } else {
      capture = Files.createTempFile("click2call-ping", ".err");
      builder.redirectError(capture.toFile());
    }
    long start = System.nanoTime();
    Process host;
    try {
      host = builder.start();
    } catch (IOException e) {
      deleteQuietly(capture);
      return new Result(false, 0, null, "cannot start " + program + ": " + e.getMessage());
    }
    try {
      Map<String, Object> reply = null;
      if (sendHello(host)) {
        reply = awaitReply(host, timeout);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (reply == null) {
        return new Result(
            false, millis, null, "the host sent no reply (" + exitOf(host) + tail(capture) + ")");
      }
      if (!Boolean.TRUE.equals(reply.get("ok"))) {
        return new Result(false, millis, reply, "the host refused hello: " + reply.get("error"));
      }
      host.getOutputStream().close();
      if (!host.waitFor(2, TimeUnit.SECONDS)) {
        return new Result(false, millis, reply, "the host did not exit after its input closed");
      }
      return new Result(true, millis, reply, null);
    } catch (IOException e) {
      return new Result(
          false, 0, null, "the host broke the pipe: " + e.getMessage() + tail(capture));
    } finally {
      host.destroyForcibly();
      host.waitFor(2, TimeUnit.SECONDS);
      deleteQuietly(capture);
    }
  }

  /** Sends the hello; false when the host already closed its input (it died at start). */
  private static boolean sendHello(Process host) {
    try {
      new FrameWriter(host.getOutputStream())
          .write(
              Json.encode(
                  Map.of("type", "hello", "id", PING_ID, "client", Map.of("name", "selftest"))));
      host.getOutputStream().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, Object> awaitReply(Process host, Duration timeout)
      throws InterruptedException, IOException {
    CompletableFuture<Map<String, Object>> reading =
        CompletableFuture.supplyAsync(() -> readReply(host.getInputStream()));
    try {
      return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      host.destroyForcibly();
      return null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(cause.getMessage(), cause);
    }
  }

  private static Map<String, Object> readReply(InputStream in) {
    FrameReader reader = new FrameReader(in);
    try {
      byte[] frame;
      while ((frame = reader.next()) != null) {
        Map<String, Object> message = Json.decodeObject(frame);
        if ("reply".equals(message.get("type")) && PING_ID.equals(message.get("id"))) {
          return message;
        }
      }
      return null;
    } catch (FrameTooLargeException e) {
      throw new IllegalStateException(
          "standard output is corrupt (a frame header declared "
              + e.getMessage()
              + "): something other than the host writes to stdout",
          e);
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("standard output is not protocol frames: " + e.getMessage());
    }
  }

  private static String exitOf(Process process) throws InterruptedException {
    return process.waitFor(1, TimeUnit.SECONDS)
        ? "exit status " + process.exitValue()
        : "still running";
  }

  private static String tail(Path capture) {
    java.io.Console console = System.console();
    return tail(capture, console != null ? console.charset() : nativeCharset());
  }

  /** The system's ANSI code page ({@code native.encoding}), UTF-8 when unknown. */
  private static java.nio.charset.Charset nativeCharset() {
    try {
      return java.nio.charset.Charset.forName(System.getProperty("native.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /**
   * The end of what the launcher wrote to standard error. A launcher's own text is UTF-8; a
   * localized cmd.exe error is in the console's code page: decoded with {@code fallback} when the
   * bytes are not UTF-8, never dropped.
   */
  static String tail(Path capture, java.nio.charset.Charset fallback) {
    if (capture == null) {
      return "";
    }
    try {
      String text = decode(Files.readAllBytes(capture), fallback).strip();
      if (text.isEmpty()) {
        return "";
      }
      if (text.length() > STDERR_TAIL_CHARS) {
        text = "…" + text.substring(text.length() - STDERR_TAIL_CHARS);
      }
      return "; stderr: " + text;
    } catch (IOException e) {
      return "";
    }
  }

  private static String decode(byte[] bytes, java.nio.charset.Charset fallback) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, fallback);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
