package dev.click2call.softphone;

/** Receives what a softphone reports, from any thread. */
public interface SoftphoneListener {
  void onCall(CallEvent event);

  /** The softphone became reachable or not; its registration is unknown until reported. */
  void onAvailability(String kind, boolean available);

  /**
   * The SIP registration changed.
   *
   * @param registration null when it is no longer known
   */
  default void onRegistration(String kind, boolean available, Registration registration) {}

  SoftphoneListener NONE =
      new SoftphoneListener() {
        @Override
        public void onCall(CallEvent event) {}

        @Override
        public void onAvailability(String kind, boolean available) {}
      };
}
