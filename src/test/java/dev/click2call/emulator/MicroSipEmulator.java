package dev.click2call.emulator;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A stand-in for MicroSIP on Linux, behaving as {@code shared/reference/microsip.md} describes
 * (3.22): single instance per executable path (a socket {@code window.sock} in its folder stands in
 * for the window class and {@code WM_COPYDATA}), the full command grammar (dangerous switches are
 * recorded as violations), single-call mode, hooks read once from its UTF-16LE ini and run with the
 * remote user part appended, waited on up to 10 s, and {@code [Settings]} rewritten on exit.
 *
 * <p>Command line: {@code MicroSipEmulator --exe <path of the launcher> [command...]}. Its folder
 * holds {@code <exe base>.ini}, {@code journal.jsonl} (one JSON object per line), {@code
 * window.sock} and {@code control.sock} (see {@link MicroSipEmulatorControl}).
 *
 * <p>This class is the process: a second launch forwards to the running instance, a first one runs
 * the instance. The parts: {@link WindowProc} (window messages), {@link FarEnd} (control channel),
 * {@link CommandLineGrammar} (what a command line does), {@link EmulatorCalls} (call states),
 * {@link EmulatorHooks} (the {@code cmd*} hooks), {@link UiThread}, {@link LineSockets}, {@link
 * EmulatorIni}.
 */
public final class MicroSipEmulator {
  private final Path exe;
  private final Path home;
  private final Path ini;
  private final Journal journal;
  private Map<String, String> settings = new LinkedHashMap<>();

  /** The version emulated: 3.22.3 unless {@code emulator.properties} says e.g. 3.20.5. */
  private final String version;

  /** How long PJSIP is "not running" after start and after a restart. */
  private final long notReadyMillis;

  private MicroSipEmulator(Path exe) {
    this.exe = exe;
    this.home = exe.toAbsolutePath().getParent();
    String name = exe.getFileName().toString();
    int dot = name.lastIndexOf('.');
    this.ini = home.resolve((dot > 0 ? name.substring(0, dot) : name) + ".ini");
    this.journal = new Journal(home.resolve("journal.jsonl"));
    Properties config = new Properties();
    try (var in = Files.newInputStream(home.resolve("emulator.properties"))) {
      config.load(in);
    } catch (IOException e) {
      // defaults
    }
    this.version = config.getProperty("version", "3.22.3");
    this.notReadyMillis = Long.parseLong(config.getProperty("notReadyMillis", "0"));
  }

  /** 3.22 has /hangupincoming and writes `version` into the ini; 3.20.5 does neither. */
  private boolean is322() {
    return !version.startsWith("3.20") && !version.startsWith("3.19");
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !args[0].equals("--exe")) {
      System.err.println("usage: MicroSipEmulator --exe <path> [command...]");
      System.exit(2);
    }
    List<String> rest = List.of(args).subList(2, args.length);
    MicroSipEmulator emulator = new MicroSipEmulator(Path.of(args[1]));
    System.exit(emulator.launch(commandLineTail(rest)));
  }

  /** The raw command-line tail Windows would hand MicroSIP for these arguments. */
  static String commandLineTail(List<String> args) {
    List<String> parts = new ArrayList<>();
    for (String arg : args) {
      parts.add(arg.isEmpty() || arg.contains(" ") || arg.contains("\t") ? "\"" + arg + "\"" : arg);
    }
    return String.join(" ", parts);
  }

  private Path windowSocket() {
    return home.resolve("window.sock");
  }

  private Path controlSocket() {
    return home.resolve("control.sock");
  }

  private int launch(String tail) throws Exception {
    journal.write(
        "launch",
        Map.of(
            "tail",
            tail,
            "pid",
            ProcessHandle.current().pid(),
            "cwd",
            Path.of("").toAbsolutePath().toString()));
    boolean running = sendToRunning(Map.of("probe", true));
    switch (tail) {
      case "/reset", "/resetnoask" -> {
        journal.violation("reset", tail);
        if (running) {
          sendToRunning(Map.of("close", true));
        }
        return 0;
      }
      case "/exit" -> {
        if (running) {
          sendToRunning(Map.of("close", true));
        }
        return 0;
      }
      case "/answer", "/hangupall" -> {
        if (running) {
          sendToRunning(Map.of("dwData", 1, "text", tail));
        } else {
          journal.write("exit-at-once", Map.of("tail", tail));
        }
        return 0;
      }
      case "/minimized" -> {
        if (running) {
          return 0;
        }
        return runInstance("");
      }
      default -> {
        if (running) {
          sendToRunning(Map.of("dwData", 1, "text", tail));
          return 0;
        }
        return runInstance(tail);
      }
    }
  }

  /** Sends a message to the running instance (SendMessage: returns when it was handled). */
  private boolean sendToRunning(Map<String, Object> message) {
    if (!Files.exists(windowSocket())) {
      return false;
    }
    try {
      LineSockets.exchange(windowSocket(), message);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private int runInstance(String tail) throws Exception {
    List<String> lines = EmulatorIni.readLines(ini);
    settings = EmulatorIni.section(lines, "Settings");
    boolean singleMode = !"0".equals(settings.getOrDefault("singleMode", "1"));
    if (is322()) {
      settings.put("version", version);
      writeSettings(); // 3.22 writes `version` at every start
    }
    UiThread ui = new UiThread(journal);
    EmulatorCalls calls =
        new EmulatorCalls(journal, new EmulatorHooks(home, journal, settings), singleMode);
    CommandLineGrammar grammar = new CommandLineGrammar(journal, calls, is322());
    WindowProc window = new WindowProc(exe, journal, ui, calls, grammar, notReadyMillis);
    window.pjsipStarting(); // PJCreate runs after the window exists
    journalStart(lines, singleMode);
    Files.deleteIfExists(windowSocket());
    Files.deleteIfExists(controlSocket());
    // The control socket first: a bound window socket means the instance is fully up.
    ServerSocketChannel control =
        LineSockets.serve(controlSocket(), "control", new FarEnd(journal, ui, calls, window));
    ServerSocketChannel windowServer = LineSockets.serve(windowSocket(), "window", window);
    if (!tail.isEmpty()) {
      ui.post(() -> grammar.commandLine(tail, "argv")); // cold start + dial: after registration
    }
    ui.run();
    windowServer.close();
    control.close();
    Files.deleteIfExists(windowSocket());
    Files.deleteIfExists(controlSocket());
    writeSettings(); // SettingsSave in OnDestroy
    journal.write("exit", Map.of());
    return 0;
  }

  /** The start entry: hooks, mode and the active account as MicroSIP loads it (no password). */
  private void journalStart(List<String> lines, boolean singleMode) {
    Map<String, Object> hooks = new LinkedHashMap<>();
    settings.forEach(
        (k, v) -> {
          if (EmulatorIni.isHookKey(k)) {
            hooks.put(k, v);
          }
        });
    String accountId = settings.getOrDefault("accountId", "");
    Map<String, String> account = EmulatorIni.section(lines, "Account" + accountId);
    Map<String, Object> active = new LinkedHashMap<>();
    for (String key : List.of("server", "proxy", "domain", "username", "authID", "label")) {
      account.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(key))
          .findFirst()
          .ifPresent(e -> active.put(key, e.getValue()));
    }
    journal.write(
        "start",
        Map.of(
            "pid",
            ProcessHandle.current().pid(),
            "hooks",
            hooks,
            "singleMode",
            singleMode,
            "accountId",
            accountId,
            "account",
            active));
  }

  /** [Settings] from memory; S322 wraps each hook value in quotes. */
  private void writeSettings() {
    try {
      List<String> body = new ArrayList<>();
      settings.forEach(
          (k, v) -> body.add(k + "=" + (EmulatorIni.isHookKey(k) ? "\"" + v + "\"" : v)));
      EmulatorIni.write(
          ini, EmulatorIni.replaceSection(EmulatorIni.readLines(ini), "Settings", body));
    } catch (IOException e) {
      journal.write("error", Map.of("message", "cannot save settings: " + e.getMessage()));
    }
  }
}
