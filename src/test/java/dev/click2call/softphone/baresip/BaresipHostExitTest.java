package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser closes (the host's input ends) while a dialled call is still being set up. A caller
 * may send CANCEL only once the far end sent a provisional response, so baresip has to be given the
 * time to send it: ending it with a second signal before that (the parent-death signal of the
 * thread that started it, on top of the host's own SIGTERM) leaves the far phone ringing.
 */
class BaresipHostExitTest extends LoopbackRigTest {
  @Test
  void aCallThatRingsOnlyAfterTheHostExitsIsStillCancelled() throws Exception {
    HostProcess host = rig.startReadyHost();
    Sipp far = rig.dialFarEnd(host, "uas_late_ringing.xml", List.of());
    host.awaitCall("dialing");

    assertThat(host.closeInputAndWait(10_000)).isZero();

    assertThat(far.awaitExit(15_000)).as(far.output()).isZero();
    assertThat(far.trace()).contains("CANCEL sip:");
  }
}
