package dev.click2call.protocol.handlers;

import dev.click2call.protocol.Messages;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.Registration;
import dev.click2call.softphone.SoftphoneListener;
import java.util.Map;
import java.util.function.Consumer;

/** Turns what the softphone reports into protocol events. */
public final class EventPublisher implements SoftphoneListener {
  private final Consumer<Map<String, ?>> sink;

  public EventPublisher(Consumer<Map<String, ?>> sink) {
    this.sink = sink;
  }

  @Override
  public void onCall(CallEvent event) {
    sink.accept(Messages.event("call", SoftphoneViews.callEvent(event)));
  }

  @Override
  public void onAvailability(String kind, boolean available) {
    // A softphone that has just become reachable or unreachable has not reported a registration.
    sink.accept(Messages.event("softphone", SoftphoneViews.softphone(kind, available, null)));
  }

  @Override
  public void onRegistration(String kind, boolean available, Registration registration) {
    sink.accept(
        Messages.event("softphone", SoftphoneViews.softphone(kind, available, registration)));
  }
}
