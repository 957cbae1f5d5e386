package dev.click2call.softphone;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts an adapter outside a host (doctor, the start-up archive's training) and waits until it is
 * reachable: right after creation an adapter has not connected yet, so asking at once would always
 * say "not available".
 */
public final class SoftphoneProbe {
  private SoftphoneProbe() {}

  /**
   * Sets a listener, starts the adapter and waits for its availability.
   *
   * @return whether it became reachable within the time
   */
  public static boolean startAndAwait(Softphone softphone, long timeoutMillis)
      throws InterruptedException {
    CountDownLatch reachable = new CountDownLatch(1);
    softphone.setListener(new Reachable(reachable));
    softphone.start();
    if (softphone.available()) {
      return true;
    }
    return reachable.await(timeoutMillis, TimeUnit.MILLISECONDS) || softphone.available();
  }

  private static final class Reachable implements SoftphoneListener {
    private final CountDownLatch latch;

    Reachable(CountDownLatch latch) {
      this.latch = latch;
    }

    @Override
    public void onCall(CallEvent event) {}

    @Override
    public void onAvailability(String kind, boolean available) {
      if (available) {
        latch.countDown();
      }
    }
  }
}
