package dev.click2call.protocol;

import dev.click2call.json.Json;
import dev.click2call.logging.LogSetup;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Turns frames into requests, routes each to the handler registered for its type and writes exactly
 * one reply per request through the shared {@link FrameWriter}. How many requests may wait for a
 * worker is bounded ({@link Admission}); past that a request is answered {@code busy}.
 */
public final class Dispatcher {
  /** Loaded on first use, so answering a request never waits for logging to start. */
  private static final class Log {
    static final Logger LOG = LogSetup.logger(Dispatcher.class);
  }

  private static final int MAX_ID_LENGTH = 64;

  private final Map<String, RequestHandler> handlers;
  private final FrameWriter writer;
  private final ExecutorService workers;
  private final Admission admission = new Admission();

  public Dispatcher(
      Map<String, RequestHandler> handlers, FrameWriter writer, ExecutorService workers) {
    this.handlers = Map.copyOf(handlers);
    this.writer = writer;
    this.workers = workers;
  }

  /** Validates the envelope on the calling thread, then serves the request on a worker. */
  public void accept(byte[] payload) {
    Map<String, Object> message;
    try {
      message = Json.decodeObject(payload);
    } catch (IllegalArgumentException e) {
      Log.LOG.warn("bad frame: {}", e.getMessage());
      send(Messages.errorReply(null, ErrorCode.BAD_REQUEST, e.getMessage()));
      return;
    }
    Object id = message.get("id");
    if (!(id instanceof String requestId)
        || requestId.isEmpty()
        || requestId.length() > MAX_ID_LENGTH) {
      send(
          Messages.errorReply(
              null, ErrorCode.BAD_REQUEST, "'id' must be a string of 1 to 64 characters"));
      return;
    }
    Object type = message.get("type");
    if (!(type instanceof String requestType)) {
      send(Messages.errorReply(requestId, ErrorCode.BAD_REQUEST, "'type' must be a string"));
      return;
    }
    RequestHandler handler = handlers.get(requestType);
    if (handler == null) {
      send(
          Messages.errorReply(
              requestId,
              ErrorCode.UNKNOWN_TYPE,
              "unknown request type '" + clip(requestType) + "'"));
      return;
    }
    if (!admission.tryAdmit(payload.length)) {
      Log.LOG.warn("{} {} refused: too many requests pending", requestType, requestId);
      send(
          Messages.errorReply(
              requestId,
              ErrorCode.BUSY,
              "the host is still serving earlier requests; try again in a moment"));
      return;
    }
    Request request = new Request(requestId, requestType, message);
    try {
      workers.execute(new Serve(handler, request, payload.length));
    } catch (RejectedExecutionException e) {
      admission.release(payload.length);
      send(Messages.errorReply(requestId, ErrorCode.INTERNAL, "the host is shutting down"));
    }
  }

  /** One request on a worker (a class, not a lambda: cheaper on the way to the first reply). */
  private final class Serve implements Runnable {
    private final RequestHandler handler;
    private final Request request;
    private final int payloadBytes;

    Serve(RequestHandler handler, Request request, int payloadBytes) {
      this.handler = handler;
      this.request = request;
      this.payloadBytes = payloadBytes;
    }

    @Override
    public void run() {
      try {
        serve(handler, request);
      } finally {
        admission.release(payloadBytes);
      }
    }
  }

  private void serve(RequestHandler handler, Request request) {
    Map<String, Object> reply;
    try {
      reply = Messages.okReply(request.id(), handler.handle(request));
    } catch (RequestException e) {
      Log.LOG.info(
          "{} {} refused: {} {}", request.type(), request.id(), e.code().wire(), e.getMessage());
      reply = Messages.errorReply(request.id(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      Log.LOG.error("{} {} failed", request.type(), request.id(), e);
      reply = Messages.errorReply(request.id(), ErrorCode.INTERNAL, String.valueOf(e.getMessage()));
    }
    send(reply);
  }

  /** Sends any outgoing message; a failure to write means the browser is gone. */
  public void send(Map<String, ?> message) {
    try {
      writer.write(Json.encode(message));
    } catch (IOException e) {
      Log.LOG.warn("cannot write to the browser: {}", e.getMessage());
    } catch (IllegalArgumentException e) {
      Log.LOG.error("dropped an oversized outgoing message: {}", e.getMessage());
    }
  }

  /** Lets running handlers finish their replies, waiting at most the given time. */
  public void drain(long timeout, TimeUnit unit) {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(timeout, unit)) {
        Log.LOG.warn("handlers still running at shutdown; their replies are dropped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String clip(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}
