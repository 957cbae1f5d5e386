package dev.click2call.softphone.baresip;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the process-level baresip tests: each test gets its own {@link LoopbackRig} in a fresh
 * folder, closed after it (the host, its baresip and SIPp, by pid).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class LoopbackRigTest {
  @TempDir Path dir;
  LoopbackRig rig;

  @BeforeEach
  void createRig() {
    rig = new LoopbackRig(dir);
  }

  @AfterEach
  void closeRig() {
    rig.close();
  }
}
