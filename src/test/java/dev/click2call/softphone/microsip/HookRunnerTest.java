package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.emulator.EmulatorFixture;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.ipc.HookMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hook runner as MicroSIP starts it: a fresh JVM, always exit 0, fast relative to a bare JVM.
 */
class HookRunnerTest {
  @Test
  void forwardsChainsAndExitsZeroQuickly() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "c2chr");
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

      List<Long> hookMillis = new ArrayList<>();
      List<Long> baseMillis = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        hookMillis.add(time(env, dir, "hook", "call-end", "123"));
        baseMillis.add(timeBareJvm());
      }
      long hookMedian = hookMillis.stream().sorted().toList().get(1);
      long base = baseMillis.stream().sorted().toList().get(1);
      System.out.printf(
          "hook runner median %d ms, bare JVM median %d ms (ratio %.2f)%n",
          hookMedian, base, (double) hookMedian / base);
      assertThat((double) hookMedian / base).isLessThan(6.0);
    }
  }

  private static long time(Map<String, String> env, Path dir, String... args) throws Exception {
    long start = System.nanoTime();
    Process p = MicroSipEndToEndTest.cli(env, dir, args);
    p.waitFor(30, TimeUnit.SECONDS);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** The baseline: the same JVM printing its version, no application code. */
  private static long timeBareJvm() throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(EmulatorFixture.java(), "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor(30, TimeUnit.SECONDS);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
