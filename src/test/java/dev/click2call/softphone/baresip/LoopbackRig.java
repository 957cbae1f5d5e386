package dev.click2call.softphone.baresip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One test's world: free ports, a settings file that selects baresip on loopback, the host as a
 * child process (which starts its own baresip) and any SIPp processes. Everything is ended by pid.
 */
final class LoopbackRig implements AutoCloseable {
  final Path dir;
  final int sipPort;
  final int ctrlPort;
  final int sippPort;
  final int rtpMin;
  private final List<Sipp> sipps = new ArrayList<>();
  private HostProcess host;

  LoopbackRig(Path dir) {
    requireTool("baresip");
    requireTool("sipp");
    this.dir = dir;
    int base = FreePorts.block(40);
    this.sipPort = base; // baresip also listens on sipPort + 1 (TLS)
    this.ctrlPort = base + 2;
    this.sippPort = base + 10; // SIPp media on + 12 and + 13
    this.rtpMin = base + 20;
  }

  /** CI installs baresip-core and sip-tester; their absence is a failure, not a skip. */
  static void requireTool(String name) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, name))) {
        return;
      }
    }
    throw new AssertionError(
        name + " is not installed: apt-get install baresip-core sip-tester (CI installs them)");
  }

  Map<String, Object> baresipSection() {
    Map<String, Object> baresip = new LinkedHashMap<>();
    baresip.put("mode", "start");
    baresip.put("ctrlPort", ctrlPort);
    baresip.put("sipPort", sipPort);
    baresip.put("listenAddress", "127.0.0.1");
    baresip.put("rtpPorts", rtpMin + "-" + (rtpMin + 19));
    baresip.put("audioSource", "ausine,440");
    baresip.put("audioPlayer", "aubridge,nullplay");
    baresip.put("domain", "127.0.0.1:" + sippPort);
    return baresip;
  }

  HostProcess startHost() throws IOException {
    return startHost(Map.of("softphone", "baresip", "baresip", baresipSection()), Map.of());
  }

  HostProcess startHost(Map<String, Object> settings, Map<String, String> extraEnv)
      throws IOException {
    host =
        HostProcess.thisClassPath()
            .isolatedIn(dir)
            .settings(settings)
            .environment(Map.of("CLICK2CALL_LOG_LEVEL", "debug"))
            .environment(extraEnv)
            .start(HostProcess.OWN_ORIGIN);
    return host;
  }

  /** Starts the host and waits until its baresip answers on the control port. */
  HostProcess startReadyHost() throws Exception {
    HostProcess started = startHost();
    awaitAvailable(started);
    return started;
  }

  static void awaitAvailable(HostProcess host) throws Exception {
    Map<String, Object> status = host.request("status");
    @SuppressWarnings("unchecked")
    Map<String, Object> softphone = (Map<String, Object>) status.get("softphone");
    assertThat(softphone.get("kind")).isEqualTo("baresip");
    if (!Boolean.TRUE.equals(softphone.get("available"))) {
      host.awaitSoftphone(true, 10_000);
    }
  }

  Sipp sipp(String scenario, List<String> extra) throws IOException {
    Sipp sipp = Sipp.start(dir, scenario, sippPort, extra);
    sipps.add(sipp);
    return sipp;
  }

  /** A SIPp far end running this scenario, dialled by the host. */
  Sipp dialFarEnd(HostProcess host, String scenario, List<String> extra) throws Exception {
    Sipp far = sipp(scenario, extra);
    host.request("dial", Map.of("target", sippUri()));
    return far;
  }

  /** A SIPp UAC calling the host's baresip. */
  Sipp callBaresip(String scenario) throws IOException {
    return sipp(scenario, List.of("-s", "click2call", "127.0.0.1:" + sipPort));
  }

  String sippUri() {
    return "sip:bob@127.0.0.1:" + sippPort;
  }

  /** The baresip processes the host started (its children). */
  static List<ProcessHandle> baresipChildren(HostProcess host) {
    return host.descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("baresip")).orElse(false))
        .toList();
  }

  static Optional<ProcessHandle> baresipChild(HostProcess host) {
    List<ProcessHandle> children = baresipChildren(host);
    assertThat(children).hasSizeLessThanOrEqualTo(1);
    return children.stream().findFirst();
  }

  String baresipLog() throws IOException {
    Path log = dir.resolve("logs").resolve("baresip.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() {
    // The host ends its own baresip; closing it also ends any baresip still running after that.
    if (host != null) {
      host.close();
    }
    for (Sipp sipp : sipps) {
      sipp.close();
    }
  }
}
