package dev.click2call.emulator;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The emulated MicroSIP's UI thread: every window message, command and far-end action runs here,
 * one at a time, so a message sent while a hook runs waits for it (as on Windows).
 */
final class UiThread {
  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Journal journal;
  private volatile boolean exiting;

  UiThread(Journal journal) {
    this.journal = journal;
  }

  /** Queues a task (PostMessage). */
  void post(Runnable task) {
    queue.add(task);
  }

  /**
   * Runs a task on this thread and waits for its reply (SendMessage); a task that throws replies
   * {@code failed} of the exception, which is then journalled.
   */
  String call(Supplier<String> task, Function<RuntimeException, String> failed, long timeoutSeconds)
      throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    post(
        () -> {
          try {
            reply.complete(task.get());
          } catch (RuntimeException e) {
            reply.complete(failed.apply(e));
            throw e;
          }
        });
    return reply.get(timeoutSeconds, TimeUnit.SECONDS);
  }

  /** Ends {@link #run} after the current task. */
  void exit() {
    exiting = true;
  }

  /** The message loop, until {@link #exit}. */
  void run() throws InterruptedException {
    while (!exiting) {
      Runnable task = queue.poll(200, TimeUnit.MILLISECONDS);
      if (task != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          journal.write("error", Map.of("message", String.valueOf(e)));
        }
      }
    }
  }
}
