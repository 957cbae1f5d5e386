package dev.click2call.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.testing.HostProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation's own extension build: {@code click2call install --extension-id} (run from a copy
 * of the packaged jar, as an install folder holds it) writes the ids into the manifests and beside
 * the jar, and the host then accepts that caller over real pipes, while a foreign id stays out.
 */
class OrganisationIdsIT {
  private static final String ORG_ID = "abcdefghijklmnopabcdefghijklmnop";
  private static final String ORG_GECKO = "click2call@corp.example";
  private static final String FOREIGN_ID = "ponmlkjihgfedcbaponmlkjihgfedcba";

  @TempDir Path dir;

  private Path installedJar() throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Path jar = app.resolve("click2call.jar");
    Files.copy(HostProcess.packagedJarFile(), jar);
    return jar;
  }

  private String click2call(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    builder.environment().put("CLICK2CALL_LOG_DIR", dir.resolve("logs").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private HostProcess host(Path jar, String... args) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("host-" + System.nanoTime()));
    return HostProcess.jar(jar)
        .isolatedIn(folder)
        .environment(Map.of("CLICK2CALL_SOFTPHONE", "none"))
        .start(args);
  }

  @SuppressWarnings("unchecked")
  private static List<String> listIn(Path manifest, String key) throws Exception {
    return (List<String>) JSON.std.mapFrom(Files.readString(manifest)).get(key);
  }

  @Test
  void installedOrganisationIdsAreAcceptedAndForeignOnesRefused() throws Exception {
    Path jar = installedJar();
    Path stage = dir.resolve("stage");
    click2call(
        jar,
        "install",
        "--stage",
        stage.toString(),
        "--launcher",
        "/opt/click2call/click2call-host",
        "--extension-id",
        "chrome-extension://" + ORG_ID + "/",
        "--extension-id",
        ORG_GECKO);

    assertThat(listIn(stage.resolve("click2call.host.chromium.json"), "allowed_origins"))
        .containsExactly(HostProcess.OWN_ORIGIN, "chrome-extension://" + ORG_ID + "/");
    assertThat(listIn(stage.resolve("click2call.host.gecko.json"), "allowed_extensions"))
        .containsExactly("click2call@click2call.dev", ORG_GECKO);
    assertThat(JSON.std.mapFrom(Files.readString(jar.resolveSibling("allowed-extensions.json"))))
        .isEqualTo(Map.of("chromium", List.of(ORG_ID), "gecko", List.of(ORG_GECKO)));

    try (HostProcess host = host(jar, "chrome-extension://" + ORG_ID + "/")) {
      assertThat(host.request("hello", Map.of("client", Map.of("name", "it"))))
          .containsEntry("ok", true);
      assertThat(host.closeInputAndWait(5000)).isZero();
    }
    try (HostProcess host = host(jar, "/x/click2call.host.json", ORG_GECKO)) {
      assertThat(host.request("hello", Map.of("client", Map.of("name", "it"))))
          .containsEntry("ok", true);
      assertThat(host.closeInputAndWait(5000)).isZero();
    }
    try (HostProcess host = host(jar, "chrome-extension://" + FOREIGN_ID + "/")) {
      assertThat(host.waitForExit(10_000)).isEqualTo(HostMode.EXIT_FORBIDDEN_CALLER);
      assertThat(host.rawStdout()).isEmpty();
    }
    try (HostProcess host = host(jar, "/x/click2call.host.json", "evil@example.org")) {
      assertThat(host.waitForExit(10_000)).isEqualTo(HostMode.EXIT_FORBIDDEN_CALLER);
    }

    // Running install again without --extension-id keeps the organisation's ids.
    String again =
        click2call(jar, "install", "--stage", stage.toString(), "--launcher", "/opt/c/click2call");
    assertThat(again).contains("keeping the organisation extension ids");
    assertThat(listIn(stage.resolve("click2call.host.chromium.json"), "allowed_origins"))
        .contains("chrome-extension://" + ORG_ID + "/");
  }

  @Test
  void anOrganisationIdIsRefusedWithoutTheFileAndABrokenFileAddsNothing() throws Exception {
    Path jar = installedJar();
    try (HostProcess host = host(jar, "chrome-extension://" + ORG_ID + "/")) {
      assertThat(host.waitForExit(10_000)).isEqualTo(HostMode.EXIT_FORBIDDEN_CALLER);
    }
    Files.writeString(
        jar.resolveSibling("allowed-extensions.json"),
        "{\"chromium\": [\"" + ORG_ID + "\", \"not an id\"]}");
    try (HostProcess host = host(jar, "chrome-extension://" + ORG_ID + "/")) {
      assertThat(host.waitForExit(10_000)).isEqualTo(HostMode.EXIT_FORBIDDEN_CALLER);
    }
    try (HostProcess host = host(jar, HostProcess.OWN_ORIGIN)) {
      assertThat(host.request("hello", Map.of("client", Map.of("name", "it"))))
          .containsEntry("ok", true);
    }
  }
}
