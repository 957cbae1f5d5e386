package dev.click2call.softphone.baresip;

import dev.click2call.json.Json;
import dev.click2call.softphone.baresip.ControlChannel.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands a control channel sent and waits on, matched to their responses by token: the same
 * for ctrl_tcp and mqtt, which differ only in how the command's JSON travels.
 */
final class PendingCommands {
  /** Puts one command (its JSON, under its token) on the wire. */
  interface Sender {
    void send(String token, byte[] json) throws IOException;
  }

  private final Map<String, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
  private final AtomicLong tokens = new AtomicLong();

  /** Sends a command under a fresh token and waits for its response. */
  Response send(String command, String params, String accountAor, long timeoutMillis, Sender sender)
      throws IOException {
    String token = "c" + tokens.incrementAndGet();
    Map<String, Object> message = commandMessage(command, params, accountAor, token);
    CompletableFuture<Response> response = new CompletableFuture<>();
    pending.put(token, response);
    try {
      sender.send(token, Json.encode(message));
      return await(
          response,
          timeoutMillis,
          "baresip did not answer '" + command + "' in " + timeoutMillis + " ms");
    } finally {
      pending.remove(token);
    }
  }

  /** Waits for something baresip does; each way of not getting it is an IOException. */
  static <T> T await(CompletableFuture<T> future, long timeoutMillis, String timedOut)
      throws IOException {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(timedOut);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for baresip", e);
    }
  }

  /** Completes the command waiting on this token with baresip's response message, if any. */
  void complete(String token, Map<String, Object> message) {
    CompletableFuture<Response> future = pending.get(token);
    if (future != null) {
      Object data = message.get("data");
      future.complete(
          new Response(
              Boolean.TRUE.equals(message.get("ok")), data == null ? "" : data.toString()));
    }
  }

  /** Fails every waiting command: the channel is gone. */
  void failAll(IOException gone) {
    pending.values().forEach(future -> future.completeExceptionally(gone));
  }

  /** A command as baresip's control modules read it (the same JSON for ctrl_tcp and mqtt). */
  private static Map<String, Object> commandMessage(
      String command, String params, String accountAor, String token) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("command", command);
    if (params != null) {
      message.put("params", params);
    }
    if (accountAor != null) {
      message.put("accountaor", accountAor);
    }
    message.put("token", token);
    return message;
  }
}
