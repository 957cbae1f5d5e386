package dev.click2call.protocol;

/**
 * How much work the host holds at once: requests waiting for or running on a worker. Without a
 * bound, a browser (or a misbehaving extension) that keeps sending while the workers are blocked
 * fills the heap with decoded requests; past the bound a request is answered {@code busy} at once.
 *
 * <p>Small requests (every request the extension sends) count against the number of pending
 * requests only. Large ones also count against a byte budget, since a decoded 1 MiB request can
 * take ten times that on the heap; one large request is always let in when no other is pending, so
 * any frame the protocol allows can be served.
 */
final class Admission {
  /** Requests pending at most. */
  static final int MAX_PENDING = 32;

  /** A payload of this size or more is large. */
  static final int LARGE_PAYLOAD_BYTES = 4 * 1024;

  /** Payload bytes of large requests pending at most (unless it is the only one). */
  static final long MAX_LARGE_PENDING_BYTES = 1024 * 1024;

  private int pending;
  private long largeBytes;

  /** Takes a place for a request of this payload size, or says no. */
  synchronized boolean tryAdmit(int payloadBytes) {
    if (pending >= MAX_PENDING) {
      return false;
    }
    if (payloadBytes >= LARGE_PAYLOAD_BYTES) {
      if (largeBytes > 0 && largeBytes + payloadBytes > MAX_LARGE_PENDING_BYTES) {
        return false;
      }
      largeBytes += payloadBytes;
    }
    pending++;
    return true;
  }

  /** Gives back the place of a finished (or never started) request. */
  synchronized void release(int payloadBytes) {
    pending--;
    if (payloadBytes >= LARGE_PAYLOAD_BYTES) {
      largeBytes -= payloadBytes;
    }
  }
}
