package dev.click2call.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The messages a host sent, as tests wait for them: a wait takes the first message that matches,
 * whether it came before the wait or during it, and leaves the others for later waits.
 */
final class Inbox {
  private final BlockingQueue<Map<String, Object>> arriving = new LinkedBlockingQueue<>();
  private final List<Map<String, Object>> unmatched = new ArrayList<>();
  private final List<Map<String, Object>> transcript =
      Collections.synchronizedList(new ArrayList<>());
  private volatile boolean ended;

  void add(Map<String, Object> message) {
    transcript.add(message);
    arriving.add(message);
  }

  /** No more messages will come (the host's standard output ended). */
  void end() {
    ended = true;
  }

  synchronized Map<String, Object> await(
      Predicate<Map<String, Object>> match, long timeoutMillis, String what)
      throws InterruptedException {
    for (Map<String, Object> message : unmatched) {
      if (match.test(message)) {
        unmatched.remove(message);
        return message;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      Map<String, Object> message = arriving.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError(
            "no "
                + what
                + " from the host within "
                + timeoutMillis
                + " ms; unmatched so far: "
                + unmatched
                + " (output ended: "
                + ended
                + ")");
      }
      if (match.test(message)) {
        return message;
      }
      unmatched.add(message);
    }
  }

  /** Every message so far, in arrival order, taken by a wait or not. */
  List<Map<String, Object>> transcript() {
    synchronized (transcript) {
      return List.copyOf(transcript);
    }
  }

  /** Forgets the messages no wait has taken. */
  synchronized void forgetUnmatched() {
    arriving.clear();
    unmatched.clear();
  }

  /** The messages no wait has taken so far, in order; they stay available to later waits. */
  synchronized List<Map<String, Object>> unmatched() {
    arriving.drainTo(unmatched);
    return List.copyOf(unmatched);
  }
}
