package dev.click2call.softphone.microsip;

import static dev.click2call.emulator.EmulatorFixture.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.emulator.EmulatorFixture;
import dev.click2call.platform.Os;
import dev.click2call.platform.Win32;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code click2call microsip provision} against the emulated MicroSIP: the seed's account mapped to
 * MicroSIP's keys, the ini kept UTF-16LE with everything else in it, MicroSIP stopped and restarted
 * around the edit, and the password kept off the command line and out of every log.
 */
class ProvisionerTest {
  private static final String PASSWORD = "Pw-7f3c!secret";

  /** An ini as a user has it: comments, hooks, another account, call history. */
  private static final String[] ORIGINAL = {
    "; provisioned by IT, do not edit",
    "[Settings]",
    "singleMode=1",
    "; the account the agents use",
    "accountId=1",
    "cmdCallEnd=/bin/true previous-hook",
    "[Account1]",
    "label=Old",
    "server=old.example.com",
    "domain=old.example.com",
    "username=900",
    "password=0a1b2c",
    "[Calls]",
    "1=+4930123;Bob;0;1700000000;12;",
    "; trailing comment"
  };

  @Test
  void provisionsFromFlagsWithThePasswordOnStdinAroundARunningMicroSip() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni(ORIGINAL);
      byte[] before = Files.readAllBytes(emulator.ini());
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      emulator.await(kind("start"), 30_000);

      Cli run =
          cli(
              emulator,
              Map.of(),
              PASSWORD + "\n",
              "microsip",
              "provision",
              "--server",
              "sip.example.com",
              "--port",
              "5061",
              "--domain",
              "example.com",
              "--username",
              "1001",
              "--auth-id",
              "a1001",
              "--display-name",
              "Desk 7",
              "--proxy",
              "proxy.example.com",
              "--account",
              "2",
              "--password-stdin");
      assertThat(run.exit).as(run.err).isZero();
      assertThat(run.out).contains("account 2 written to " + emulator.ini());

      String ini = utf16WithBom(emulator.ini());
      assertThat(section(ini, "Account2"))
          .containsExactly(
              "label=Desk 7",
              "server=sip.example.com:5061",
              "proxy=proxy.example.com:5061",
              "domain=example.com",
              "username=1001",
              "authID=a1001",
              "displayName=Desk 7",
              "password=" + PASSWORD);
      assertThat(section(ini, "Account1"))
          .containsExactly(
              "label=Old",
              "server=old.example.com",
              "domain=old.example.com",
              "username=900",
              "password=0a1b2c");
      assertThat(section(ini, "Calls")).contains("1=+4930123;Bob;0;1700000000;12;");
      assertThat(section(ini, "Settings"))
          .contains("singleMode=1", "accountId=2", "cmdCallEnd=\"/bin/true previous-hook\"");
      assertThat(ini)
          .contains("; provisioned by IT, do not edit", "; trailing comment")
          .containsOnlyOnce("; trailing comment");
      // The file as MicroSIP left it on exit is the backup; no temporary file is left.
      Path backup = emulator.ini().resolveSibling("microsip.ini.bak");
      assertThat(backup).exists();
      assertThat(utf16WithBom(backup)).contains("accountId=1").doesNotContain("Account2");
      try (Stream<Path> files = Files.list(emulator.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }
      assertThat(before).isNotEqualTo(Files.readAllBytes(emulator.ini()));

      // MicroSIP exited (saving [Settings] from memory) before the edit and was started again; the
      // new instance loaded the new account. Had the edit raced a running MicroSIP, its save on
      // exit would have put accountId=1 back.
      emulator.await(kind("start").and(e -> "2".equals(e.get("accountId"))), 30_000);
      List<Map<String, Object>> journal = emulator.journal();
      List<Object> lifecycle =
          journal.stream()
              .filter(kind("start").or(kind("exit")))
              .map(e -> e.get("kind") + ":" + e.getOrDefault("accountId", ""))
              .map(Object.class::cast)
              .toList();
      assertThat(lifecycle).containsExactly("start:1", "exit:", "start:2");
      Map<String, Object> restarted =
          journal.stream().filter(kind("start")).reduce((a, b) -> b).orElseThrow();
      assertThat(restarted.get("account"))
          .isEqualTo(
              Map.of(
                  "server", "sip.example.com:5061",
                  "proxy", "proxy.example.com:5061",
                  "domain", "example.com",
                  "username", "1001",
                  "authID", "a1001",
                  "label", "Desk 7"));
      assertThat(journal.stream().filter(kind("launch")).map(e -> e.get("tail")))
          .containsExactly("/minimized", "/exit", "/minimized");
      assertThat(journal).noneMatch(kind("violation"));
      assertNoPasswordOutsideTheIni(emulator, run);
    }
  }

  @Test
  void provisionsFromASeedFileInUtf16WithThePasswordFromTheEnvironment() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni(ORIGINAL);
      byte[] before = Files.readAllBytes(emulator.ini());
      Path seed = emulator.dir().resolve("seed.ini");
      writeUtf16(
          seed,
          "; the seed's own format",
          "[Account]",
          "Server=pbx.example.net",
          "Port=5070",
          "Domain=example.net",
          "Username=2002",
          "AuthID=auth2002",
          "Password=seed-file-password",
          "DisplayName=Zoë Müller",
          "Proxy=edge.example.net:5080");

      Cli run =
          cli(
              emulator,
              Map.of("SIP_PASSWORD", PASSWORD),
              "",
              "microsip",
              "provision",
              "--from",
              seed.toString(),
              "--password-env",
              "SIP_PASSWORD");
      assertThat(run.exit).as(run.err).isZero();

      String ini = utf16WithBom(emulator.ini());
      // Keys of the existing [Account1] are replaced in place.
      assertThat(section(ini, "Account1"))
          .containsExactlyInAnyOrder(
              "label=Zoë Müller",
              "server=pbx.example.net:5070",
              "proxy=edge.example.net:5080",
              "domain=example.net",
              "username=2002",
              "authID=auth2002",
              "displayName=Zoë Müller",
              "password=" + PASSWORD);
      assertThat(ini).doesNotContain("seed-file-password", "old.example.com");
      assertThat(ini)
          .contains("; the account the agents use\r\naccountId=1")
          .endsWith("; trailing comment\r\n");
      assertThat(section(ini, "Settings")).contains("accountId=1", "singleMode=1");
      assertThat(section(ini, "Calls")).contains("1=+4930123;Bob;0;1700000000;12;");
      // The backup is the file before, without any password (issue 11.11).
      String backup = utf16WithBom(emulator.ini().resolveSibling("microsip.ini.bak"));
      assertThat(section(backup, "Account1"))
          .containsExactly(
              "label=Old", "server=old.example.com", "domain=old.example.com", "username=900");
      assertThat(section(backup, "Calls")).contains("1=+4930123;Bob;0;1700000000;12;");
      assertThat(backup).doesNotContainIgnoringCase("password").contains("; trailing comment");
      // MicroSIP was not running: it is not started by provisioning.
      assertThat(emulator.journal()).noneMatch(kind("start"));
      assertThat(emulator.running()).isFalse();
      assertNoPasswordOutsideTheIni(emulator, run);
    }
  }

  @Test
  void refusesAPasswordOnTheCommandLineWithoutEchoingIt() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni(ORIGINAL);
      byte[] before = Files.readAllBytes(emulator.ini());
      for (List<String> flags :
          List.of(List.of("--password", PASSWORD), List.of("--password=" + PASSWORD))) {
        List<String> args =
            new ArrayList<>(
                List.of("microsip", "provision", "--server", "sip.example.com", "--username", "1"));
        args.addAll(flags);
        Cli run = cli(emulator, Map.of(), "", args.toArray(String[]::new));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("never taken from the command line").doesNotContain(PASSWORD);
        assertThat(run.out).doesNotContain(PASSWORD);
      }
      assertThat(Files.readAllBytes(emulator.ini())).isEqualTo(before);
      assertThat(emulator.ini().resolveSibling("microsip.ini.bak")).doesNotExist();
    }
  }

  @Test
  void refusesIniInjectionAndLeavesTheFileAlone() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni(ORIGINAL);
      byte[] before = Files.readAllBytes(emulator.ini());
      Cli run =
          cli(
              emulator,
              Map.of("SIP_PASSWORD", "x\r\n[Settings]\r\ncmdCallStart=calc"),
              "",
              "microsip",
              "provision",
              "--server",
              "sip.example.com",
              "--username",
              "1001",
              "--password-env",
              "SIP_PASSWORD");
      assertThat(run.exit).isEqualTo(2);
      assertThat(run.err).contains("Password contains a control character");
      Cli badHost =
          cli(
              emulator,
              Map.of(),
              "",
              "microsip",
              "provision",
              "--server",
              "sip.example.com]\n[Settings",
              "--username",
              "1001");
      assertThat(badHost.exit).isEqualTo(2);
      assertThat(Files.readAllBytes(emulator.ini())).isEqualTo(before);
    }
  }

  /** In-process at the finest log level: the password reaches no log record. */
  @Test
  void thePasswordIsInNoLogRecordEvenAtTheFinestLevel() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni(ORIGINAL);
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      List<String> records = new ArrayList<>();
      Handler capture =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              records.add(
                  record.getLoggerName()
                      + " "
                      + record.getMessage()
                      + " "
                      + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      Logger root = Logger.getLogger("");
      Level level = root.getLevel();
      root.addHandler(capture);
      root.setLevel(Level.ALL);
      try {
        MicroSipControl control =
            new MicroSipControl(
                new MicroSipInstall(List.of(emulator.exe().toString()), emulator.ini(), "test"),
                Win32.forOs(Os.LINUX),
                Os.LINUX);
        new Provisioner(control)
            .provision(
                new AccountSpec(
                    "sip.example.com", 5061, null, "1001", null, PASSWORD, null, null, "tls"),
                3,
                true);
      } finally {
        root.removeHandler(capture);
        root.setLevel(level);
      }
      assertThat(records).isNotEmpty(); // the control path does log (stop, start)
      assertThat(records).noneMatch(r -> r.contains(PASSWORD));
      assertThat(section(utf16WithBom(emulator.ini()), "Account3"))
          .contains("server=sip.example.com:5061", "domain=sip.example.com", "transport=tls");
    }
  }

  @Test
  void thePortIsFoldedOnceAndConflictsAreRefused() {
    AccountSpec named =
        new AccountSpec("[2001:db8::1]:5061", 5061, null, "1", null, null, null, "[::1]", null);
    named.validate();
    assertThat(named.microSipKeys())
        .containsEntry("server", "[2001:db8::1]:5061")
        .containsEntry("proxy", "[::1]:5061")
        .containsEntry("domain", "[2001:db8::1]:5061")
        .doesNotContainKey("port");
    assertThat(AccountSpec.hasPort("2001:db8::1")).isFalse();
    assertThat(AccountSpec.hasPort("host:5060")).isTrue();
    assertThatThrownBy(
            () ->
                new AccountSpec("host:5060", 5061, null, "1", null, null, null, null, null)
                    .validate())
        .hasMessageContaining("port other than Port");
  }

  private static void assertNoPasswordOutsideTheIni(EmulatorFixture emulator, Cli run)
      throws Exception {
    assertThat(run.out).doesNotContain(PASSWORD);
    assertThat(run.err).doesNotContain(PASSWORD);
    Path journal = emulator.dir().resolve("journal.jsonl");
    if (Files.exists(journal)) {
      assertThat(Files.readString(journal)).doesNotContain(PASSWORD);
    }
    Path logs = emulator.dir().resolve("logs");
    if (Files.isDirectory(logs)) {
      try (Stream<Path> files = Files.walk(logs)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        }
      }
    }
  }

  /** The CLI's result. */
  record Cli(int exit, String out, String err) {}

  private static Cli cli(
      EmulatorFixture emulator, Map<String, String> extraEnv, String stdin, String... args)
      throws Exception {
    List<String> command = EmulatorFixture.cliCommand(args);
    Path dir = emulator.dir();
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(MicroSipEndToEndTest.env(dir));
    builder.environment().putAll(extraEnv);
    builder.redirectError(dir.resolve("cli.err").toFile());
    builder.redirectOutput(dir.resolve("cli.out").toFile());
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not finish");
    }
    return new Cli(
        process.exitValue(),
        Files.readString(dir.resolve("cli.out")),
        Files.readString(dir.resolve("cli.err")));
  }

  /** Decodes a file that must be UTF-16LE with a BOM. */
  private static String utf16WithBom(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(2);
    assertThat(new byte[] {bytes[0], bytes[1]}).containsExactly(0xFF, 0xFE);
    return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
  }

  /** The key=value lines of one section, in file order. */
  private static List<String> section(String ini, String name) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : ini.split("\r\n")) {
      if (line.startsWith("[")) {
        inside = line.equalsIgnoreCase("[" + name + "]");
      } else if (inside && line.contains("=") && !line.startsWith(";")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void writeUtf16(Path file, String... lines) throws Exception {
    byte[] body = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    Files.write(file, bytes);
  }
}
