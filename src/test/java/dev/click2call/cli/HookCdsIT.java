package dev.click2call.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.Main;
import dev.click2call.install.LauncherScripts;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.ipc.HookMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive recorded for MicroSIP ({@code CLICK2CALL_SOFTPHONE=microsip click2call cds-archive})
 * covers the hook runner that MicroSIP waits for, and the hook runner started as the launchers
 * start it stays within a small multiple of a bare {@code java -version} in the same run. Both
 * start the jar as the launchers do ({@code -cp click2call.jar dev.click2call.Main}). (The archive
 * the build records here is for the softphone auto picks on this machine, baresip, and leaves the
 * hook runner out.)
 */
class HookCdsIT {
  private static final Path JAR = Path.of(System.getProperty("click2call.jar"));

  @TempDir static Path shared;
  private static Path archive;
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  @BeforeAll
  static void recordAnArchiveForMicroSip() throws Exception {
    archive = shared.resolve("microsip.jsa");
    ProcessBuilder builder =
        new ProcessBuilder(
                JAVA,
                "-cp",
                JAR.toString(),
                LauncherScripts.MAIN_CLASS,
                "cds-archive",
                "--output",
                archive.toString())
            .redirectErrorStream(true)
            .redirectOutput(shared.resolve("cds.txt").toFile());
    builder.environment().put("CLICK2CALL_SOFTPHONE", "microsip");
    builder.environment().put("CLICK2CALL_RUNTIME_DIR", shared.resolve("rt").toString());
    Process recording = builder.start();
    assertThat(recording.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(recording.exitValue()).as(Files.readString(shared.resolve("cds.txt"))).isZero();
  }

  @Test
  void theHookPathIsLoadedFromTheArchiveAndStillDelivers() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(dir.resolve("rt"));
    BlockingQueue<HookMessage> received = new LinkedBlockingQueue<>();
    try (HookListener host = HookListener.start(endpoints, received::add)) {
      assertThat(host.path()).exists();
      List<String> command =
          new ArrayList<>(
              List.of(
                  JAVA,
                  "-XX:SharedArchiveFile=" + archive,
                  "-Xshare:on", // fails instead of silently ignoring a stale archive
                  "-Xlog:class+load=info:stdout",
                  "-cp",
                  JAR.toString(),
                  LauncherScripts.MAIN_CLASS,
                  "hook",
                  "call-end",
                  "+4930123"));
      String log = run(command);
      for (String name :
          List.of(
              "dev.click2call.Main",
              "dev.click2call.cli.HookCommand",
              "dev.click2call.softphone.microsip.HookRunner",
              "dev.click2call.ipc.HookSender",
              "dev.click2call.ipc.HookMessage",
              "dev.click2call.ipc.HookEndpoints")) {
        assertThat(log).contains(name + " source: shared objects file");
      }
      assertThat(received.poll(10, TimeUnit.SECONDS))
          .isEqualTo(new HookMessage("call-end", "+4930123"));
    }
  }

  @Test
  void theHookRunnerAsLaunchedIsASmallMultipleOfABareJvm() throws Exception {
    HookEndpoints endpoints = new HookEndpoints(dir.resolve("rt"));
    List<String> hook = new ArrayList<>(List.of(JAVA));
    hook.addAll(launcherOptions());
    hook.addAll(
        List.of("-cp", JAR.toString(), LauncherScripts.MAIN_CLASS, "hook", "call-end", "123"));
    try (HookListener host = HookListener.start(endpoints, message -> {})) {
      assertThat(host.path()).exists();
      long bestHook = Long.MAX_VALUE;
      long bestBare = Long.MAX_VALUE;
      for (int i = 0; i < 7; i++) { // interleaved; fastest of each (a shared machine)
        bestBare = Math.min(bestBare, time(List.of(JAVA, "-version")));
        bestHook = Math.min(bestHook, time(hook));
      }
      double ratio = (double) bestHook / bestBare;
      System.out.printf(
          "hook runner (launcher options, CDS archive) %d ms, java -version %d ms, ratio %.2f%n",
          bestHook, bestBare, ratio);
      assertThat(ratio).isLessThan(4.0);
    }
  }

  /** The launchers' JVM options (jvm.options), with this jar's archive. */
  private static List<String> launcherOptions() throws IOException {
    List<String> options = new ArrayList<>();
    try (InputStream in = Main.class.getResourceAsStream("/dev/click2call/jvm.options")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String option = line.strip();
        if (!option.isEmpty() && !option.startsWith("#")) {
          options.add(option.replace("${CDS_ARCHIVE}", archive.toString()));
        }
      }
    }
    return options;
  }

  private Map<String, String> env() {
    return Map.of(
        "CLICK2CALL_RUNTIME_DIR", dir.resolve("rt").toString(),
        "CLICK2CALL_CONFIG", dir.resolve("config.json").toString(),
        "CLICK2CALL_SYSTEM_CONFIG", dir.resolve("system.json").toString(),
        "CLICK2CALL_LOG_DIR", dir.resolve("logs").toString());
  }

  private String run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env());
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"));
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private long time(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
