package dev.click2call.bench;

import dev.click2call.install.JvmOptions;
import dev.click2call.install.LauncherScripts;
import dev.click2call.json.Json;
import dev.click2call.protocol.FrameReader;
import dev.click2call.protocol.FrameWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start (spawn → first reply to {@code hello}) and idle resident memory of the packaged host
 * against a minimal Java echo host, measured side by side, alternating, in one run. A benchmark,
 * not a test: it prints figures and ratios (docs/performance.md records them).
 *
 * <p>Usage: {@code java -cp target/test-classes:target/click2call.jar
 * dev.click2call.bench.StartupBenchmark [runs] [label=dir ...]}: each {@code label=dir} adds
 * another build to compare, a directory holding its {@code click2call.jar} and the {@code
 * click2call.jsa} made for that jar where it lies ({@code click2call cds-archive --output}). Every
 * click2call variant runs without a softphone ({@code CLICK2CALL_SOFTPHONE=none}) except the last,
 * which selects baresip when it is installed (its process starts after the reply).
 */
public final class StartupBenchmark {
  private static final String ORIGIN = "chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/";

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
    String jar = Path.of("target", "click2call.jar").toAbsolutePath().toString();
    Path logs = Files.createTempDirectory("c2c-bench");

    List<Variant> variants = new ArrayList<>();
    variants.add(
        new Variant(
            "minimal echo host (java defaults)",
            List.of(java, "-cp", testClasses, MinimalEchoHost.class.getName())));
    variants.add(
        new Variant("click2call (java -jar, defaults)", List.of(java, "-jar", jar, ORIGIN)));
    List<String> launched = asLaunched(java, Path.of(jar).getParent());
    variants.add(new Variant("click2call as launched (options, CDS, -cp)", launched));
    for (int i = 1; i < args.length; i++) {
      String[] labelAndDir = args[i].split("=", 2);
      Path dir = Path.of(labelAndDir[1]).toAbsolutePath();
      variants.add(new Variant(labelAndDir[0] + " as launched", asLaunched(java, dir)));
    }
    variants.add(
        new Variant(
            "minimal echo host (launcher options, no CDS)",
            withOptions(java, testClasses, MinimalEchoHost.class.getName())));
    if (onPath("baresip")) {
      variants.add(new Variant("click2call as launched, baresip selected", launched, "baresip"));
    }
    String loadBefore = loadAverage();
    for (Variant variant : variants) {
      measure(variant, logs); // warm the file cache once, not counted
      variant.startMillis.clear();
      variant.rssKb.clear();
    }
    for (int run = 0; run < runs; run++) {
      for (Variant variant : variants) {
        measure(variant, logs);
      }
    }
    double baseline = median(variants.get(0).startMillis);
    System.out.printf("load average %s -> %s%n", loadBefore, loadAverage());
    System.out.printf("%-50s %10s %8s %10s%n", "variant", "start ms", "ratio", "idle RSS");
    for (Variant variant : variants) {
      double start = median(variant.startMillis);
      System.out.printf(
          "%-50s %10.1f %8.2f %7.1f MB%n",
          variant.name, start, start / baseline, median(variant.rssKb) / 1024.0);
    }
  }

  /** As the launchers start it: jvm.options, the archive beside the jar, {@code -cp jar Main}. */
  private static List<String> asLaunched(String java, Path dir) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JvmOptions.withoutArchive());
    Path archive = dir.resolve("click2call.jsa");
    if (Files.exists(archive)) {
      command.add("-XX:SharedArchiveFile=" + archive);
    }
    command.addAll(
        List.of("-cp", dir.resolve("click2call.jar").toString(), LauncherScripts.MAIN_CLASS));
    command.add(ORIGIN);
    return command;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> withOptions(String java, String classPath, String mainClass) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JvmOptions.withoutArchive());
    command.addAll(List.of("-cp", classPath, mainClass));
    return command;
  }

  private static void measure(Variant variant, Path logs) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(variant.command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("CLICK2CALL_LOG_DIR", logs.toString());
    builder.environment().put("CLICK2CALL_SOFTPHONE", variant.softphone);
    long start = System.nanoTime();
    Process process = builder.start();
    new FrameWriter(process.getOutputStream())
        .write(Json.encode(Map.of("type", "hello", "id", "1")));
    byte[] reply = new FrameReader(process.getInputStream()).next();
    long elapsed = System.nanoTime() - start;
    if (reply == null) {
      throw new IllegalStateException(variant.name + " sent no reply");
    }
    variant.startMillis.add(elapsed / 1e6);
    if (!Boolean.getBoolean("bench.noIdle")) {
      Thread.sleep(1000); // idle
      variant.rssKb.add(rssKb(process.pid()));
    }
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The one-minute load average: the machine is shared, so figures carry it. */
  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static double rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Double.parseDouble(line.replaceAll("[^0-9]", ""));
      }
    }
    return Double.NaN;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }

  private record Variant(
      String name,
      List<String> command,
      String softphone,
      List<Double> startMillis,
      List<Double> rssKb) {
    Variant(String name, List<String> command) {
      this(name, command, "none");
    }

    Variant(String name, List<String> command, String softphone) {
      this(name, command, softphone, new ArrayList<>(), new ArrayList<>());
    }
  }
}
