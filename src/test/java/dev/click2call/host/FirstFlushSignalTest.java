package dev.click2call.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FirstFlushSignalTest {
  @Test
  void opensTheLatchOnlyOnceAFrameIsFlushedAndPassesBytesThrough() throws Exception {
    ByteArrayOutputStream real = new ByteArrayOutputStream();
    CountDownLatch flushed = new CountDownLatch(1);
    FirstFlushSignal out = new FirstFlushSignal(real, flushed);

    out.write(new byte[] {1, 2, 3}, 1, 2);
    out.write(4);
    assertThat(flushed.getCount()).isEqualTo(1);

    out.flush();
    assertThat(flushed.getCount()).isZero();
    assertThat(real.toByteArray()).containsExactly(2, 3, 4);
  }
}
