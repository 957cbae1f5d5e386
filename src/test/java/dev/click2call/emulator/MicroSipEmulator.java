package dev.click2call.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 */
public final class MicroSipEmulator {
  static final long HOOK_WAIT_MILLIS = 10_000;

  private final Path exe;
  private final Path home;
  private final Path ini;
  private final Journal journal;
  private final BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
  private final List<Call> calls = new ArrayList<>();
  private Map<String, String> settings = new LinkedHashMap<>();
  private boolean singleMode = true;
  private volatile boolean exiting;
  private int nextCallId = 1;

  /** The version emulated: 3.22.3 unless {@code emulator.properties} says e.g. 3.20.5. */
  private final String version;

  /** How long PJSIP is "not running" after start and after a restart. */
  private final long notReadyMillis;

  /** Until when WM_COPYDATA answers TRUE and drops the command (is_pjsua_running false). */
  private volatile long readyAt;

  /** The ringing incoming calls (their IDD_RINGIN popups), readable without the UI thread. */
  private final List<Integer> ringing = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** One call the emulated MicroSIP has. */
  static final class Call {
    final int id;
    final boolean incoming;
    final String remote;
    String state; // calling, ringing, confirmed
    boolean held;

    Call(int id, boolean incoming, String remote, String state) {
      this.id = id;
      this.incoming = incoming;
      this.remote = remote;
      this.state = state;
    }

    Map<String, Object> view() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", id);
      v.put("direction", incoming ? "in" : "out");
      v.put("remote", remote);
      v.put("state", state);
      v.put("held", held);
      return v;
    }
  }

  private MicroSipEmulator(Path exe) {
    this.exe = exe;
    this.home = exe.toAbsolutePath().getParent();
    String name = exe.getFileName().toString();
    int dot = name.lastIndexOf('.');
    this.ini = home.resolve((dot > 0 ? name.substring(0, dot) : name) + ".ini");
    this.journal = new Journal(home.resolve("journal.jsonl"));
    java.util.Properties config = new java.util.Properties();
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
    boolean running = sendToRunning(null);
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

  /** Sends a message to the running instance; with null only checks that one runs. */
  private boolean sendToRunning(Map<String, Object> message) {
    if (!Files.exists(windowSocket())) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(windowSocket()));
      OutputStream out = Channels.newOutputStream(channel);
      String line = message == null ? "{\"probe\":true}" : JSON.std.asString(message);
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      in.readLine(); // SendMessage returns when the handler did
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private int runInstance(String tail) throws Exception {
    List<String> lines = EmulatorIni.readLines(ini);
    settings = EmulatorIni.section(lines, "Settings");
    singleMode = !"0".equals(settings.getOrDefault("singleMode", "1"));
    if (is322()) {
      settings.put("version", version);
      writeSettings(); // 3.22 writes `version` at every start
    }
    readyAt = System.currentTimeMillis() + notReadyMillis; // PJCreate runs after the window exists
    Map<String, Object> hooks = new LinkedHashMap<>();
    settings.forEach(
        (k, v) -> {
          if (EmulatorIni.isHookKey(k)) {
            hooks.put(k, v);
          }
        });
    // The active account as MicroSIP loads it (never its password): provisioning is visible here.
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
    Files.deleteIfExists(windowSocket());
    Files.deleteIfExists(home.resolve("control.sock"));
    // The control socket first: a bound window socket means the instance is fully up.
    ServerSocketChannel control = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    control.bind(UnixDomainSocketAddress.of(home.resolve("control.sock")));
    ServerSocketChannel window = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    window.bind(UnixDomainSocketAddress.of(windowSocket()));
    daemon("window", () -> serve(window, this::onWindowMessage));
    daemon("control", () -> serve(control, this::onControl));
    if (!tail.isEmpty()) {
      loop.add(() -> commandLine(tail, "argv")); // cold start + dial: dialed after registration
    }
    while (!exiting) {
      Runnable task = loop.poll(200, TimeUnit.MILLISECONDS);
      if (task != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          journal.write("error", Map.of("message", String.valueOf(e)));
        }
      }
    }
    window.close();
    control.close();
    Files.deleteIfExists(windowSocket());
    Files.deleteIfExists(home.resolve("control.sock"));
    writeSettings(); // SettingsSave in OnDestroy
    journal.write("exit", Map.of());
    return 0;
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

  private interface LineHandler {
    String handle(Map<String, Object> message) throws Exception;
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Each connection on its own thread: finding a window never waits for the UI thread. */
  private void serve(ServerSocketChannel server, LineHandler handler) {
    while (server.isOpen()) {
      SocketChannel accepted;
      try {
        accepted = server.accept();
      } catch (IOException e) {
        return;
      }
      daemon("client", () -> answer(server, accepted, handler));
    }
  }

  private void answer(ServerSocketChannel server, SocketChannel accepted, LineHandler handler) {
    {
      try (SocketChannel client = accepted) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
        String line = in.readLine();
        String reply = "ok";
        if (line != null) {
          Object parsed = JSON.std.anyFrom(line);
          @SuppressWarnings("unchecked")
          Map<String, Object> message =
              parsed instanceof Map ? (Map<String, Object>) parsed : Map.of();
          reply = handler.handle(message);
        }
        Channels.newOutputStream(client).write((reply + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        // the sender gave up (timeout) or the window closed
      }
    }
  }

  /**
   * The window's messages. Finding it (probe) and listing its popups need no UI thread; every sent
   * message is handled on the UI thread (so it waits while a hook runs): {@code WM_COPYDATA}
   * answers TRUE and drops the command while PJSIP is not running, else runs it at once ({@code
   * dwData=1}) or queues it and answers FALSE ({@code dwData=2}); {@code WM_CLOSE} exits; a click
   * on a popup's Decline declines that call.
   */
  private String onWindowMessage(Map<String, Object> message) throws Exception {
    if (message.containsKey("probe")) {
      return JSON.std.asString(Map.of("pid", ProcessHandle.current().pid(), "exe", exe.toString()));
    }
    if (message.containsKey("dialogs")) {
      return JSON.std.asString(Map.of("ringing", List.copyOf(ringing)));
    }
    CompletableFuture<String> reply = new CompletableFuture<>();
    loop.add(
        () -> {
          try {
            reply.complete(uiMessage(message));
          } catch (RuntimeException e) {
            reply.complete("0");
            throw e;
          }
        });
    return reply.get(120, TimeUnit.SECONDS);
  }

  private String uiMessage(Map<String, Object> message) {
    if (Boolean.TRUE.equals(message.get("close"))) {
      journal.write("wm-close", Map.of());
      exiting = true;
      return "0";
    }
    if (message.get("click") instanceof Number call) {
      journal.write("click", Map.of("call", call, "control", message.get("control")));
      if (Integer.valueOf(1032).equals(message.get("control"))) {
        for (Call c : List.copyOf(calls)) {
          if (c.id == call.intValue() && c.incoming && c.state.equals("ringing")) {
            end(c, 486); // RinginDlg::OnBnClickedDecline -> msip_call_busy
          }
        }
      }
      return "0";
    }
    String text = String.valueOf(message.get("text"));
    long dwData = message.get("dwData") instanceof Number n ? n.longValue() : 1;
    if (System.currentTimeMillis() < readyAt) {
      journal.write("copydata-dropped", Map.of("text", text, "dwData", dwData));
      return "1";
    }
    if (dwData == 2) {
      loop.add(() -> commandLine(text, "copydata-queued"));
      return "0";
    }
    commandLine(text, "copydata");
    return "0";
  }

  /** The control channel of the test: the far end's actions. */
  private String onControl(Map<String, Object> message) throws Exception {
    String command = String.valueOf(message.get("command"));
    String argument =
        message.get("argument") == null ? "" : String.valueOf(message.get("argument"));
    CompletableFuture<String> reply = new CompletableFuture<>();
    loop.add(
        () -> {
          try {
            reply.complete(control(command, argument));
          } catch (RuntimeException e) {
            reply.complete("error: " + e.getMessage());
          }
        });
    return reply.get(60, TimeUnit.SECONDS);
  }

  private String control(String command, String argument) {
    journal.write("control", Map.of("command", command, "argument", argument));
    switch (command) {
      case "incoming" -> {
        runHook("cmdIncomingCall", argument); // for every INVITE, before any check
        Call call = new Call(nextCallId++, true, argument, "ringing");
        calls.add(call);
        ringing.add(call.id);
        runHook("cmdCallRing", argument);
        return "ok";
      }
      case "answer-remote" -> {
        for (Call call : calls) {
          if (!call.incoming && call.state.equals("calling")) {
            call.state = "confirmed";
            runHook("cmdCallStart", call.remote);
            return "ok";
          }
        }
        return "no outgoing call";
      }
      case "hangup-remote" -> {
        if (calls.isEmpty()) {
          return "no call";
        }
        end(calls.get(0), 200);
        return "ok";
      }
      case "busy" -> {
        for (Call call : calls) {
          if (!call.incoming && call.state.equals("calling")) {
            end(call, 486);
            return "ok";
          }
        }
        return "no outgoing call";
      }
      case "state" -> {
        try {
          return JSON.std.asString(Map.of("calls", calls.stream().map(Call::view).toList()));
        } catch (IOException e) {
          return "error";
        }
      }
      case "quit" -> {
        exiting = true;
        return "ok";
      }
      case "restart" -> {
        readyAt = System.currentTimeMillis() + notReadyMillis; // PJSIP restarts after settings
        return "ok";
      }
      default -> {
        return "unknown control command";
      }
    }
  }

  /** {@code CmainDlg::CommandLine}. */
  void commandLine(String raw, String via) {
    journal.write("command", Map.of("text", raw, "via", via));
    String text = raw.strip();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    if (text.startsWith("msip:")) {
      String word = text.substring(5);
      switch (word) {
        case "answer" -> answer();
        case "hangupall" -> hangupAll();
        case "hold" -> hold();
        case "minimize",
            "micmute",
            "micunmute",
            "speakmute",
            "speakunmute",
            "micmuteclick",
            "speakmuteclick",
            "micup",
            "micdown",
            "speakup",
            "speakdown" ->
            journal.write("ui", Map.of("action", word));
        default -> {
          if (word.startsWith("transfer_")) {
            transfer(word.substring(9));
          } else {
            dialNumber(word);
          }
        }
      }
      return;
    }
    dialNumberFromCommandLine(text);
  }

  private void dialNumberFromCommandLine(String input) {
    String text = input;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tel:") || lower.startsWith("sip:")) {
      text = text.substring(4);
    } else if (lower.startsWith("callto:")) {
      text = text.substring(7);
    } else if (lower.startsWith("dialpad:")) {
      text = text.substring(8);
    } else if (lower.startsWith("dial:")) {
      text = text.substring(5);
    }
    if (text.startsWith("//")) {
      text = text.substring(2);
      if (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
    }
    if (text.contains("/account:")) {
      journal.violation("account-switch", input);
      if (text.contains("/password:")) {
        journal.violation("password-overwrite", input);
      }
      return;
    }
    switch (text) {
      case "/answer" -> answer();
      case "/hangupall" -> hangupAll();
      case "/hangupincoming" -> {
        if (!is322()) {
          dialNumber(text); // 3.20.5's CommandLine has no such switch: it is dialed
          return;
        }
        for (Call call : List.copyOf(calls)) {
          if (call.incoming && call.state.equals("ringing")) {
            end(call, 603); // declined: MicroSIP reports 486/600/603 through cmdCallBusy
          }
        }
      }
      case "/hangupcalling" -> {
        for (Call call : List.copyOf(calls)) {
          if (!call.incoming && !call.state.equals("confirmed")) {
            end(call, 487);
          }
        }
      }
      default -> {
        if (text.startsWith("/dtmf:")) {
          Call call = current();
          journal.write(
              "dtmf", Map.of("digits", text.substring(6), "call", call == null ? -1 : call.id));
        } else if (text.startsWith("/transfer:")) {
          transfer(text.substring(10));
        } else if (text.startsWith("/password:")) {
          journal.violation("global-password", input);
        } else {
          dialNumber(text);
        }
      }
    }
  }

  /** {@code CmainDlg::DialNumber} and {@code MakeCall}. */
  private void dialNumber(String text) {
    journal.write("window-shown", Map.of());
    int space = text.indexOf(' ');
    if (space >= 0 && !text.substring(space + 1).isEmpty()) {
      journal.violation("instant-message", text);
      journal.write(
          "message-sent",
          Map.of("to", text.substring(0, space), "text", text.substring(space + 1)));
      return;
    }
    String number =
        (space >= 0 ? text.substring(0, space) : text).replace("%20", " ").replace("%2B", "+");
    if (singleMode && !calls.isEmpty()) {
      journal.write("dial-ignored", Map.of("number", number, "reason", "single-call mode"));
      return;
    }
    String dtmf = "";
    int comma = number.indexOf(',');
    if (comma > 0 && comma < number.length() - 1) {
      dtmf = number.substring(comma + 1);
      number = number.substring(0, comma);
    }
    if (number.matches("\\+?[0-9*#.\\-()/ ]+")) {
      number = number.replaceAll("[.\\-()/ ]", "");
    }
    String user = number.contains("@") ? number.substring(0, number.indexOf('@')) : number;
    Call call = new Call(nextCallId++, false, user, "calling");
    calls.add(call);
    journal.write("call", Map.of("id", call.id, "number", number, "dtmf", dtmf));
    runHook("cmdOutgoingCall", user);
  }

  private void answer() {
    for (Call call : calls) {
      if (call.incoming && call.state.equals("ringing")) {
        call.state = "confirmed";
        ringing.remove(Integer.valueOf(call.id));
        journal.write("answered", Map.of("id", call.id));
        runHook("cmdCallAnswer", call.remote);
        runHook("cmdCallStart", call.remote);
        return;
      }
    }
    journal.write("answer-ignored", Map.of());
  }

  private void hangupAll() {
    for (Call call : List.copyOf(calls)) {
      if (!(call.incoming && call.state.equals("ringing"))) {
        end(call, 200);
      }
    }
  }

  private void hold() {
    Call call = current();
    if (call != null) {
      call.held = !call.held;
      journal.write("hold", Map.of("id", call.id, "held", call.held));
    }
  }

  private void transfer(String target) {
    Call call = current();
    journal.write("transfer", Map.of("target", target, "call", call == null ? -1 : call.id));
    if (call != null) {
      end(call, 200);
    }
  }

  private Call current() {
    for (Call call : calls) {
      if (call.state.equals("confirmed")) {
        return call;
      }
    }
    return null;
  }

  private void end(Call call, int status) {
    calls.remove(call);
    ringing.remove(Integer.valueOf(call.id));
    journal.write("ended", Map.of("id", call.id, "status", status));
    boolean busy = status == 486 || status == 600 || status == 603;
    runHook(busy ? "cmdCallBusy" : "cmdCallEnd", call.remote);
  }

  /**
   * {@code MSIP::RunCmd}: token 1 of the value is the program, the rest is re-joined without its
   * quotes, the remote user part is appended; the process runs hidden and is waited on up to 10 s.
   * On Linux the program is executed directly, the remote user part as one argument.
   */
  private void runHook(String key, String remote) {
    String value = null;
    for (Map.Entry<String, String> entry : settings.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        value = entry.getValue();
      }
    }
    if (value == null || value.isBlank()) {
      return;
    }
    List<String> tokens = splitLikeCommandLineToArgv(value);
    List<String> argv = new ArrayList<>();
    argv.add(tokens.get(0));
    for (String rest : String.join(" ", tokens.subList(1, tokens.size())).split(" ")) {
      if (!rest.isEmpty()) {
        argv.add(rest);
      }
    }
    if (!remote.isEmpty()) {
      argv.add(remote);
    }
    long start = System.nanoTime();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("key", key);
    entry.put("argv", argv);
    try {
      Process process =
          new ProcessBuilder(argv)
              .directory(home.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      boolean finished = process.waitFor(HOOK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      entry.put("exit", finished ? process.exitValue() : "timeout");
    } catch (IOException e) {
      entry.put("exit", "cannot start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    entry.put("ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    journal.write("hook", entry);
  }

  /** Whitespace splits; double quotes group and are dropped. */
  static List<String> splitLikeCommandLineToArgv(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if ((c == ' ' || c == '\t') && !quoted) {
        if (any) {
          tokens.add(token.toString());
          token.setLength(0);
          any = false;
        }
      } else {
        token.append(c);
        any = true;
      }
    }
    if (any) {
      tokens.add(token.toString());
    }
    return tokens;
  }
}
