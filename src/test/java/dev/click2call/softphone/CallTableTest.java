package dev.click2call.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallTableTest {
  private final CallTable table = new CallTable();

  @Test
  void keepsTheLiveCallAndForgetsItWhenItEnds() {
    table.record(CallEvent.of(CallState.DIALING, CallDirection.OUT, "+15550104477", 100));
    table.record(CallEvent.of(CallState.CONNECTED, null, null, 250));
    CallInfo call = table.current().orElseThrow();
    assertThat(call.state()).isEqualTo(CallState.CONNECTED);
    assertThat(call.direction()).isEqualTo(CallDirection.OUT);
    assertThat(call.remote()).isEqualTo("+15550104477");
    assertThat(call.since()).isEqualTo(250);

    table.record(CallEvent.of(CallState.ENDED, CallDirection.OUT, "+15550104477", 900));
    assertThat(table.current()).isEmpty();
  }

  @Test
  void aRepeatedStateKeepsItsStartTime() {
    table.record(CallEvent.of(CallState.CONNECTED, CallDirection.IN, "7", 10));
    table.record(CallEvent.of(CallState.CONNECTED, CallDirection.IN, "7", 20).withHold(true));
    assertThat(table.current().orElseThrow().since()).isEqualTo(10);
    assertThat(table.current().orElseThrow().onHold()).isTrue();
  }

  @Test
  void busyEndsTheCall() {
    table.record(CallEvent.of(CallState.DIALING, CallDirection.OUT, "1", 1));
    table.record(CallEvent.of(CallState.BUSY, CallDirection.OUT, "1", 2));
    assertThat(table.current()).isEmpty();
  }
}
