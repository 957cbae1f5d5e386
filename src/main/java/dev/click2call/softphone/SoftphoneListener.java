package dev.click2call.softphone;

/** Receives what a softphone reports, from any thread. */
public interface SoftphoneListener {
  void onCall(CallEvent event);

  void onAvailability(String kind, boolean available);

  SoftphoneListener NONE =
      new SoftphoneListener() {
        @Override
        public void onCall(CallEvent event) {}

        @Override
        public void onAvailability(String kind, boolean available) {}
      };
}
