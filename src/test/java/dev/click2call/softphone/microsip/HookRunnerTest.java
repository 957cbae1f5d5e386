package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.ipc.HookMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook runner as MicroSIP starts it: a fresh JVM, always exit 0 (its speed: HookCdsIT). */
class HookRunnerTest {
  @TempDir Path dir;

  @Test
  void forwardsChainsAndExitsZeroQuickly() throws Exception {
    Map<String, String> env = MicroSipEndToEndTest.env(dir);
    Path marker = dir.resolve("chained.txt");
    new ChainedHooks(dir.resolve("microsip-chained-hooks.json"))
        .write(Map.of("cmdCallRing", "/usr/bin/touch " + marker));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    try (HookListener listener =
        HookListener.start(new HookEndpoints(dir.resolve("rt")), received::add)) {
      assertThat(listener.path()).exists();
      Process hook =
          MicroSipEndToEndTest.cli(env, dir, "hook", "call-ring", "1$(touch", "x)&calc;'\"");
      assertThat(hook.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(hook.exitValue()).isZero();
      assertThat(received.poll(5, TimeUnit.SECONDS))
          .isEqualTo(new HookMessage("call-ring", "1$(touch x)&calc;'\""));
      long deadline = System.currentTimeMillis() + 10_000;
      while (!Files.exists(marker.resolveSibling("chained.txt"))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      // The chained command got the remote as its last argument: touch created both files.
      assertThat(marker).exists();
      assertThat(dir.resolve("1$(touch x)&calc;'\"")).exists(); // one literal argument
      assertThat(dir.resolve("x")).doesNotExist();

      for (String[] bad : new String[][] {{"hook"}, {"hook", "/reset"}, {"hook", "NOPE", "x"}}) {
        Process p = MicroSipEndToEndTest.cli(env, dir, bad);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
      }

      // Start-up time is measured where it means something: HookCdsIT runs the packaged jar with
      // the launchers' JVM options and archive. Here the JVM scans every test dependency jar.
    }
  }
}
